package vn.trean.oversight;

import java.time.Instant;
import java.util.UUID;

/** A step that missed its legal deadline; {@code lateSeconds} is known once the step is done. */
public record DeadlineBreach(UUID caseId, String stepKey, String taskId, Instant deadlineAt, Instant detectedAt,
                             Instant resolvedAt, Long lateSeconds) {
}
