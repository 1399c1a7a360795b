package vn.trean.oversight;

import java.time.Instant;
import java.util.UUID;

/**
 * A step that missed its legal deadline, as a breach of the agency it was routed to ({@code agencyId}, null
 * for breaches recorded before agencies were kept); {@code lateSeconds} is known once the step is done.
 *
 * @param id          the breach, for its reason ({@code POST /api/cases/{caseId}/breaches/{id}/reason})
 * @param reasonCode  why, as the agency that held the step said it; null until it did
 * @param reasonNote  the agency's note (at most 500 characters), required for {@link BreachReason#OTHER}
 * @param reasonBy    the user name of who gave the reason
 * @param escalatedAt when the province supervisor was told: at once for a 12-hour breach (the model's escalation),
 *                    otherwise when no reason came within the grace; null while neither happened
 */
public record DeadlineBreach(UUID caseId, String stepKey, String taskId, Instant deadlineAt, Instant detectedAt,
                             Instant resolvedAt, Long lateSeconds,
                             String agencyId,
                             long id, BreachReason reasonCode, String reasonNote, String reasonBy, Instant reasonAt,
                             Instant escalatedAt) {

    public boolean hasReason() {
        return reasonCode != null;
    }
}
