package vn.trean.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A case file as its reader is allowed to see it. */
public record CaseView(
        UUID id,
        String caseNumber,
        String communeCode,
        String provinceCode,
        String category,
        String status,
        String protectionLevel,
        Boolean emergency,
        Instant receivedAt,
        Instant createdAt,
        Instant closedAt,
        UUID reopenedFrom,
        Child child,
        Report report,
        List<Step> steps,
        List<PlanMeasure> measures,
        List<LinkedReport> linkedReports) {

    /** A later report about the same child, linked to this case instead of opening a duplicate. */
    public record LinkedReport(Instant receivedAt, String receivingAgencyId, String receivingOfficer, String channel,
                               String currentCondition) {
    }

    public record Child(String fullName, LocalDate dateOfBirth, Integer estimatedAge, String sex) {
    }

    public record Report(String receivingAgencyId, String receivingOfficer, String channel, String place,
                         String currentCondition, String likelyConsequence, String familySituation,
                         List<String> abuseForms, String hotlineReference) {
    }

    /** One step of the timeline. {@code lateSeconds} is set when it was completed after its deadline. */
    public record Step(String stepKey, String taskId, String agencyId, Instant openedAt, Instant dueAt,
                       Instant completedAt, String completedBy, Map<String, Object> data, Long lateSeconds) {
    }
}
