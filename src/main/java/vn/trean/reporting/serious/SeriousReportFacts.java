package vn.trean.reporting.serious;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.trean.casefile.CaseFiles.CaseSummary;
import vn.trean.casefile.CaseView;

/**
 * What a serious-case report says, taken from the case record: what happened (at commune level: no address, no
 * free text), what was done in the first 12 hours, where the case stands. The child is named by initials, age and
 * sex only. Free text that people typed (conditions, measures described in their own words) stays out: it may name
 * the child or the family.
 */
record SeriousReportFacts(String caseNumber, Place place, Instant receivedAt, String category, List<String> abuseForms,
                          Child child, boolean emergency, String riskLevel, Instant twelveHoursEndAt,
                          List<Measure> measures, Status status, Reporter reporter) {

    /** The law's 12 hours from the receipt of the report (Decree 56, art. 30-31). */
    static final Duration TWELVE_HOURS = Duration.ofHours(12);

    /**
     * The timeline entries that make up the first response: verification, the emergency's measures with the police
     * and the health station, a separation, the report upward. Later steps (assessment, plan) show as the status.
     */
    static final Set<String> FIRST_RESPONSE = Set.of("forward_to_commune", "assign_receiving_agency", "verify_report",
            "emergency_intervention", "police_response", "health_response", "decide_separation",
            "confirm_crime_report", "emergency_reported", "separation_reported");

    /**
     * What the report keeps of a step's record: choices and yes/no, never the text people typed. The risk level is
     * the report's own line.
     */
    private static final Set<String> STRUCTURED_FIELDS = Set.of("agenciesInvolved", "evidencePreserved",
            "evidenceKept", "separationNeeded", "decisionNumber", "abuseConfirmed");

    record Place(String communeCode, String communeName, String provinceCode, String provinceName) {
    }

    record Child(String initials, Integer ageYears, String sex) {
    }

    /**
     * @param recorded the step's structured fields (see {@link #STRUCTURED_FIELDS})
     */
    record Measure(String step, Instant completedAt, String agencyId, String agencyName, boolean withinTwelveHours,
                   Map<String, Object> recorded) {
    }

    /** @param openSteps the steps under way, by their keys */
    record Status(String status, String protectionLevel, List<String> openSteps, boolean separationDecided,
                  String handlingOutcome) {
    }

    record Reporter(String name, String agencyName, Instant sentAt) {
    }

    /**
     * @param agencyNames the names of the agencies, by id
     */
    static SeriousReportFacts of(CaseView view, CaseSummary summary, Place place, Reporter reporter,
                                 Map<String, String> agencyNames) {
        Instant windowEnd = view.receivedAt().plus(TWELVE_HOURS);
        List<Measure> measures = view.steps().stream()
                .filter(s -> s.completedAt() != null && FIRST_RESPONSE.contains(s.stepKey()))
                .sorted(Comparator.comparing(CaseView.Step::completedAt))
                .map(s -> new Measure(s.stepKey(), s.completedAt(), s.agencyId(),
                        s.agencyId() == null ? null : agencyNames.get(s.agencyId()),
                        !s.completedAt().isAfter(windowEnd), structured(s.data())))
                .toList();
        String riskLevel = view.steps().stream().filter(s -> "verify_report".equals(s.stepKey()) && s.data() != null)
                .map(s -> s.data().get("riskLevel")).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null);
        boolean separation = view.steps().stream()
                .anyMatch(s -> "decide_separation".equals(s.stepKey()) && s.completedAt() != null);
        List<String> open = view.steps().stream().filter(s -> s.completedAt() == null).map(CaseView.Step::stepKey)
                .distinct().toList();
        String handling = view.criminalProcedure() != null && view.criminalProcedure().marked()
                ? view.criminalProcedure().handlingOutcome() : null;
        return new SeriousReportFacts(view.caseNumber(), place, view.receivedAt(), view.category(),
                view.report() == null ? List.of() : view.report().abuseForms(),
                new Child(summary.initials(), summary.ageYears(), view.child().sex()),
                Boolean.TRUE.equals(view.emergency()), riskLevel, windowEnd, measures,
                new Status(view.status(), view.protectionLevel(), open, separation, handling), reporter);
    }

    private static Map<String, Object> structured(Map<String, Object> data) {
        if (data == null) {
            return Map.of();
        }
        Map<String, Object> kept = new TreeMap<>();
        data.forEach((key, value) -> {
            if (STRUCTURED_FIELDS.contains(key) && value != null && !"".equals(value)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
