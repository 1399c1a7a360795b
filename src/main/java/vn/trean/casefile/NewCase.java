package vn.trean.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the receiving point recorded (Form 01), already validated. */
public record NewCase(
        String communeCode,
        String provinceCode,
        Instant receivedAt,
        String receivingAgencyId,
        String receivingOfficer,
        String channel,
        CaseCategory category,
        List<String> abuseForms,
        Child child,
        String place,
        String currentCondition,
        String likelyConsequence,
        String familySituation,
        List<Map<String, Object>> parents,
        String actionsTaken,
        Map<String, Object> informant,
        String hotlineReference,
        /** Why the report is filed long after its receipt; null when it is not late. */
        String lateReason,
        /** The dimensions the receiving point could tell (issue 10), already checked; the case starts with them. */
        Classification classification) {

    public record Child(String fullName, LocalDate dateOfBirth, Integer estimatedAge, Sex sex) {
    }

    public enum Sex { MALE, FEMALE, UNKNOWN }

    public enum CaseCategory { ABUSED, AT_RISK, SPECIAL_CIRCUMSTANCES }
}
