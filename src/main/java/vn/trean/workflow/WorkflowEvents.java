package vn.trean.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the process announces; published inside the engine's transaction. */
public final class WorkflowEvents {

    private WorkflowEvents() {
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

    public record OpenStep(String taskId, String stepKey) {
    }
}
