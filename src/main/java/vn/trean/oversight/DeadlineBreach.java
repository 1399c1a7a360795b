package vn.trean.oversight;

import java.time.Instant;
import java.util.UUID;

/**
 * A step that missed its legal deadline, as a breach of the agency it was routed to ({@code agencyId}, null
 * for breaches recorded before agencies were kept); {@code lateSeconds} is known once the step is done.
 */
public record DeadlineBreach(UUID caseId, String stepKey, String taskId, Instant deadlineAt, Instant detectedAt,
                             Instant resolvedAt, Long lateSeconds,
                             String agencyId) {
}
