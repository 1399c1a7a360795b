package vn.trean.reporting.export;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.trean.casefile.ClosedCases.ClosedCase;

/**
 * One closed case in layout version 1 of the open-data export ({@code docs/open-data-export.md}): the case, its
 * child under a pseudonym (age at the report and sex; never the name nor the date of birth), the plan's measures.
 */
record ExportedCase(String caseNumber, String communeCode, String provinceCode, LocalDate receivedDate,
                    LocalDate closedDate, String category, List<String> abuseForms, String protectionLevel,
                    boolean emergency, boolean separation, String handlingOutcome, String closingOutcome,
                    String closingReason, Child child, List<Measure> measures) {

    /** The layout this record writes. A field added, removed or changing meaning is a new version. */
    static final int LAYOUT_VERSION = 1;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** @param pseudonym the same for the same child in every export of the installation */
    record Child(String pseudonym, Integer ageAtReport, String sex) {
    }

    /**
     * @param kind       the measure (the plan's measure types: safety_monitoring, medical_care, …)
     * @param agencyKind the kind of agency the plan gave it to: commune-officer, police, education, health
     */
    record Measure(String kind, String agencyKind, LocalDate startDate, LocalDate endDate, String status) {
    }

    static ExportedCase of(ClosedCase c, Pseudonyms pseudonyms) {
        return new ExportedCase(c.caseNumber(), c.communeCode(), c.provinceCode(),
                LocalDate.ofInstant(c.receivedAt(), VIETNAM), LocalDate.ofInstant(c.closedAt(), VIETNAM), c.category(),
                c.abuseForms(), c.protectionLevel(), c.emergency(), c.separation(), c.handlingOutcome(),
                c.closingOutcome(), c.closingReason(),
                new Child(pseudonyms.of(c.childIdentity()), c.ageAtReport(), c.sex()),
                c.measures().stream().map(m -> new Measure(m.measureType(), m.responsibleRole(), m.startDate(),
                        m.endDate(), m.status())).toList());
    }
}
