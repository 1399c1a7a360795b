package vn.trean.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the process announces; published inside the engine's transaction. */
public final class WorkflowEvents {

    private WorkflowEvents() {
    }

    /**
     * Models passed the rules and are being deployed, whichever way (models API, engine REST API,
     * application start). {@code name} is the deployment's name, which carries the change note.
     */
    public record ModelsDeployed(String deploymentId, String name, String source, String deployedBy) {
    }

    /**
     * A task of a case was created and routed to these agencies.
     *
     * @param windowEndsAt the end of the 12-hour window for a step it binds, otherwise null
     * @param emergency    whether the case was decided an emergency
     */
    public record TaskRouted(UUID caseId, String caseNumber, String communeCode, String provinceCode, String taskId,
                             String stepKey, String stepName, List<String> agencyIds, Instant createdAt, Instant dueAt,
                             UUID measureId, Instant windowEndsAt, boolean emergency) {
    }

    /** An open task was handed to other agencies (an administrator moved an agency's open tasks). */
    public record TaskRerouted(String taskId, List<String> agencyIds) {
    }

    /** A task was claimed ({@code assignee} set) or handed back ({@code assignee} null). */
    public record TaskAssigned(String taskId, String assignee) {
    }

    /** A task left the work lists: completed, or cancelled by the process (a timer, the end of the case). */
    public record TaskEnded(String taskId, boolean completed) {
    }

    /** The 12-hour window of a case ends soon; {@code agencyIds} are the commune officer's and chairman's. */
    public record TwelveHourReminderDue(UUID caseId, Instant windowEndsAt, List<String> agencyIds) {
    }

    /**
     * The 12-hour window passed with steps undone. The steps stay with their owners; the escalation
     * goes to {@code escalatedToAgencyId}, and {@code notifiedAgencyIds} are told.
     */
    public record TwelveHourWindowBreached(UUID caseId, Instant windowEndsAt, List<OpenStep> openSteps,
                                           List<String> notifiedAgencyIds) {
    }

    /**
     * An emergency was declared (its intervention step opened): the province department is told at once
     * (Decree 56, art. 31 and the upward report); {@code provinceAgencyIds} are the province supervisor's agencies,
     * {@code legacyDistrictAgencyIds} the district labour offices told of a case received before 1 Jul 2025.
     */
    public record EmergencyReported(UUID caseId, String caseNumber, String communeCode, String provinceCode,
                                    Instant reportedAt, List<String> provinceAgencyIds,
                                    List<String> legacyDistrictAgencyIds) {
    }

    /** A step still open when its deadline passed, and the agency it was routed to (null when none). */
    public record OpenStep(String taskId, String stepKey, String agencyId) {

        public OpenStep(String taskId, String stepKey) {
            this(taskId, stepKey, null);
        }
    }

    // Issue 8, item 7: the holiday calendar.

    /**
     * A year's holidays were saved; {@code before} is null when the year was not configured. The days are
     * lists of ISO dates under {@code holidays} and {@code makeUpWorkingDays}; {@code timersMoved} and
     * {@code tasksMoved} count the open working-day deadlines recalculated.
     */
    public record HolidaysChanged(String actor, int year, String reason, Object before, Object after, int timersMoved,
                                  int tasksMoved) {
    }

    /**
     * The due date of an open working-day task was (re)computed: {@code dueWithoutHolidaysOf} is the first
     * year it spans whose holidays are not configured, or null.
     */
    public record TaskDueDateChanged(String taskId, Instant dueAt, Integer dueWithoutHolidaysOf) {
    }

    /**
     * A step of a transfer of a case between communes (issue 9 item 4): {@code action} is REQUESTED, ACCEPTED or
     * REFUSED. On ACCEPTED the case belongs to {@code toCommune} and {@code movedTaskIds} are its open tasks
     * handed to the receiving commune's agencies.
     */
    public record CaseTransferred(UUID transferId, UUID caseId, String caseNumber, String action, String fromCommune, String toCommune,
                                  String actor, Instant at, List<String> movedTaskIds) {
    }

    // Issue 9 item 6 and item 2's remainder: a separation decided, and its 15 days ending soon.

    /**
     * A temporary separation was decided (Form 07): the province department is told at once, as for an
     * emergency ({@link EmergencyReported}), with the district labour office of a legacy record;
     * {@code decisionTaskId} is the decision's step.
     */
    public record SeparationReported(UUID caseId, String caseNumber, String communeCode, String provinceCode,
                                     Instant reportedAt, List<String> provinceAgencyIds, String decisionTaskId,
                                     List<String> legacyDistrictAgencyIds) {
    }

    /** The 15 days of a separation end in two days; {@code agencyIds} are the commune officer's and chairman's. */
    public record SeparationLimitReminderDue(UUID caseId, Instant separationEndsAt, List<String> agencyIds) {
    }
}
