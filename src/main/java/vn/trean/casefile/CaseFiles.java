package vn.trean.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.trean.identity.CurrentUser;

/** The case record: the case, the child, the report, the timeline and the plan. */
public interface CaseFiles {

    /** Opens a case from a validated report and publishes {@link CaseEvents.CaseOpened} in the same transaction. */
    OpenedCase open(NewCase newCase, String actor);

    /** Opens a new case for the child of a closed case, linked to it. */
    OpenedCase reopen(UUID closedCaseId, CurrentUser user);

    /** The case if {@code user} needs to know it; the read is audited. Empty both when absent and when hidden. */
    Optional<CaseView> read(UUID caseId, CurrentUser user);

    /** Whether {@code user} needs to know this case: a task of it is or was routed to their agency, or they supervise its province. */
    boolean isVisibleTo(UUID caseId, CurrentUser user);

    void attachProcess(UUID caseId, String processInstanceId);

    void grantAccess(UUID caseId, String agencyId);

    void stepOpened(UUID caseId, String stepKey, String taskId, String agencyId, Instant openedAt, Instant dueAt);

    /** Stores what was recorded at a step; the step itself completes when the engine completes its task. */
    void recordStepData(String taskId, Map<String, Object> data);

    void stepCompleted(String taskId, String actor, Instant completedAt);

    void markEmergency(UUID caseId);

    void setProtectionLevel(UUID caseId, String protectionLevel);

    /** Replaces the draft measures of the current plan cycle. */
    void draftPlan(UUID caseId, List<MeasureDraft> measures);

    /** Activates the drafted measures of the newest plan cycle and returns their ids. */
    List<UUID> activatePlan(UUID caseId);

    Optional<PlanMeasure> measure(UUID measureId);

    void setMeasureStatus(UUID measureId, String status);

    void close(UUID caseId, Instant closedAt);

    record MeasureDraft(String measureType, String responsibleRole, String description, LocalDate startDate,
                        LocalDate endDate, String provider, Long costEstimate) {
    }
}
