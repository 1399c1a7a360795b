package vn.trean.reporting.export;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import vn.trean.casefile.Classification;
import vn.trean.casefile.ClosedCases.ClosedCase;

/**
 * One closed case of the open-data export ({@code docs/open-data-export.md}): the case, its child under a pseudonym
 * (age at the report and sex; never the name nor the date of birth), the plan's measures — all that layout version 1
 * writes — and the case's {@link Dimensions} with each measure's actual cost, which version 2 adds.
 */
record ExportedCase(String caseNumber, String communeCode, String provinceCode, LocalDate receivedDate,
                    LocalDate closedDate, String category, List<String> abuseForms, String protectionLevel,
                    boolean emergency, boolean separation, String handlingOutcome, String closingOutcome,
                    String closingReason, Child child, List<Measure> measures, Dimensions dimensions) {

    /** The layouts published, oldest first. A field added, removed or changing meaning is a new version. */
    static final List<Integer> LAYOUT_VERSIONS = List.of(1, 2);
    /** The layout written when none is asked for: the first, until the release notes announce a move. */
    static final int DEFAULT_LAYOUT_VERSION = 1;
    /** The layout that adds the {@link Dimensions} and the measures' actual cost. */
    static final int DIMENSIONS_LAYOUT_VERSION = 2;
    /**
     * A decision's number as official documents write it, {@code <number>/<symbol>} ({@code 07/QĐ-XPHC},
     * {@code 12/2026/QĐ-KTVA}): anything else the police typed in that field is left out, for it may hold a name.
     */
    private static final Pattern DECISION_NUMBER = Pattern.compile("\\d{1,7}/[\\p{L}\\d./-]{1,40}");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** @param pseudonym the same for the same child in every export of the installation */
    record Child(String pseudonym, Integer ageAtReport, String sex) {
    }

    /**
     * @param kind       the measure (the plan's measure types: safety_monitoring, medical_care, …)
     * @param agencyKind the kind of agency the plan gave it to: commune-officer, police, education, health
     * @param actualCost what it cost in đồng, as recorded when its task was completed; null when not recorded (layout 2)
     */
    record Measure(String kind, String agencyKind, LocalDate startDate, LocalDate endDate, String status,
                   Long actualCost) {
    }

    /**
     * What layout 2 adds to a case: its classification at closing, codes of {@code vn.trean.casefile.Dimensions},
     * and the reference of the police's decision. Never the perpetrator's name.
     *
     * @param abuseFormsAtClosing the abuse forms as the case record held them at closing ({@link #abuseForms}: as
     *                            reported)
     */
    record Dimensions(List<String> abuseFormsAtClosing, List<String> abuseSubtypes, String environment,
                      List<String> specialCircumstances, String disabilitySeverity, Perpetrator perpetrator,
                      String handlingDecisionNumber, LocalDate handlingDecisionDate) {
    }

    record Perpetrator(String relation, String ageGroup, String sex) {
    }

    static ExportedCase of(ClosedCase c, Pseudonyms pseudonyms) {
        return new ExportedCase(c.caseNumber(), c.communeCode(), c.provinceCode(),
                LocalDate.ofInstant(c.receivedAt(), VIETNAM), LocalDate.ofInstant(c.closedAt(), VIETNAM), c.category(),
                c.abuseForms(), c.protectionLevel(), c.emergency(), c.separation(), c.handlingOutcome(),
                c.closingOutcome(), c.closingReason(),
                new Child(pseudonyms.of(c.childIdentity()), c.ageAtReport(), c.sex()),
                c.measures().stream().map(m -> new Measure(m.measureType(), m.responsibleRole(), m.startDate(),
                        m.endDate(), m.status(), m.actualCost())).toList(),
                dimensions(c));
    }

    private static Dimensions dimensions(ClosedCase c) {
        Classification k = c.classification().normalised();
        var p = k.perpetrator();
        String number = c.handlingDecisionNumber() == null ? null : c.handlingDecisionNumber().strip();
        return new Dimensions(codes(k.abuseForms()), codes(k.abuseSubtypes()), code(k.environment()),
                codes(k.specialCircumstances()), code(k.disabilitySeverity()),
                new Perpetrator(code(p.relation()), code(p.ageGroup()), code(p.sex())),
                number != null && DECISION_NUMBER.matcher(number).matches() ? number : null,
                c.handlingDecisionDate());
    }

    private static List<String> codes(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static String code(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
