package vn.trean.casefile;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens to a case, published inside the transaction that made it happen, so that listeners
 * (the process, the audit log, oversight) commit or roll back together with it.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A case was opened from a report; {@code receivedAt} starts the 12-hour clock. */
    public record CaseOpened(UUID caseId, String caseNumber, String communeCode, String provinceCode,
                             Instant receivedAt, String actor, UUID reopenedFrom) {
    }

    /** A further report was linked to an open case; its owners are told. */
    public record ReportLinked(UUID caseId, UUID reportId, String caseNumber, String communeCode, String provinceCode,
                               String actor) {
    }

    /** A document was added to a case, or read. */
    public record DocumentAccessed(UUID caseId, UUID documentId, String actor, boolean upload) {
    }

    /**
     * Someone looked for a particular child or case in the case list (issue 11 item 1): what they typed, how many
     * cases matched (up to the list's count limit and one). Recorded in the audit log only, never in a log file.
     */
    public record CasesSearched(String actor, String caseNumber, String childName, String communeCode, int page,
                                long matches) {
    }

    /** Someone read a case file. */
    public record CaseRead(UUID caseId, String actor) {
    }

    /** A step of a case was completed; {@code lateSeconds} is null when it was on time or had no deadline. */
    public record StepCompleted(UUID caseId, String stepKey, String taskId, String actor, Instant completedAt,
                                Long lateSeconds) {
    }

    /**
     * The classification of a case changed after intake (issue 10 item 1): through the API or a step's form
     * ({@code source}). {@code before} and {@code after} hold codes only; the perpetrator's name shows as whether
     * one is recorded.
     */
    public record ClassificationChanged(UUID caseId, String actor, String source, java.util.Map<String, Object> before,
                                        java.util.Map<String, Object> after) {
    }

    /** A case was closed. */
    public record CaseClosed(UUID caseId, Instant closedAt) {
    }

    /**
     * The province department chose the agency that carries the commune steps of a case whose commune has
     * no child-protection officer; {@code previousAgencyId} is null the first time.
     */
    public record ReceivingAgencyAssigned(UUID caseId, String agencyId, String previousAgencyId, String actor,
                                          Instant at) {
    }
}
