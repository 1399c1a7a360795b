package vn.trean.oversight;

import java.time.Instant;
import java.util.UUID;

/** What the oversight announces about deadline breaches; published inside the transaction that recorded them. */
public final class BreachEvents {

    private BreachEvents() {
    }

    /**
     * A step's deadline passed with the step undone, and the deadline watcher recorded it (once, whichever node
     * did): the chairman of the case's commune and the agency that holds the step are told.
     *
     * @param stepName the model's name of the step (Vietnamese), as the work list has it
     * @param agencyId the agency the step was routed to, whose breach it is; null when it had none
     */
    public record DeadlineBreached(long breachId, UUID caseId, String caseNumber, String communeCode,
                                   String provinceCode, String taskId, String stepKey, String stepName,
                                   String agencyId, Instant dueAt) {
    }

    /** No reason came within the grace: the province supervisor is told, once. */
    public record BreachEscalated(long breachId, UUID caseId, String caseNumber, String communeCode,
                                  String provinceCode, String stepKey, String agencyId, Instant dueAt,
                                  Instant detectedAt) {
    }

    /** The agency that held the step gave its reason. */
    public record BreachReasonGiven(long breachId, UUID caseId, String stepKey, String agencyId, BreachReason reason,
                                    String actor, Instant at) {
    }
}
