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

    /**
     * Cases of the same commune whose child may be the one reported: the same name once tone marks and
     * letter case are ignored, and a date of birth or age that does not contradict it. Each comes with a
     * {@link DuplicateCandidate#matchRef() match reference} the user may link a report with; a case the
     * user does not need to know shows only what decides "same child?" ({@link CaseVisibility#forDuplicateCheck}).
     */
    List<DuplicateCandidate> similarChildren(String communeCode, String childName, LocalDate dateOfBirth,
                                             Integer estimatedAge, CurrentUser user);

    /**
     * As {@link #similarChildren}, over every commune of {@code provinceCode} (issue 9 item 4): for the hotline and
     * the province department, which receive reports for the whole province. Matches of {@code communeCode} come
     * first; each names its commune; the same redaction applies.
     */
    List<DuplicateCandidate> similarChildrenInProvince(String communeCode, String provinceCode, String childName,
                                                       LocalDate dateOfBirth, Integer estimatedAge, CurrentUser user);

    /**
     * The open cases of other communes of the case's province whose child may be the case's (the same rule as
     * {@link #similarChildren}), for the officer of the case's commune to consider a transfer (issue 9 item 4).
     * Redacted as a duplicate check is ({@link CaseVisibility#forDuplicateCheck}); no match reference: nothing is
     * linked from here.
     */
    List<DuplicateCandidate> openDuplicatesInOtherCommunes(UUID caseId, CurrentUser user);

    /** The agency that received the case's first report (the hotline, the department or the commune), whoever asks. */
    Optional<String> firstReceivingAgency(UUID caseId);

    /** The case a match reference that {@link #similarChildren} gave this user names, while it is valid. */
    Optional<UUID> caseOfMatch(UUID matchRef, CurrentUser user);

    /** The commune of a case, whoever asks (no case data): to check that a linked report is about the same place. */
    Optional<String> communeOf(UUID caseId);

    /** When the case's first report was received, whoever asks (no case data): the earliest date any of its steps may record. */
    Optional<Instant> receivedAt(UUID caseId);

    /**
     * Adds a further report to an open case instead of opening a duplicate. The linker gains no access
     * by it: the case's commune officer is told (a notification) and sees the report in the case file.
     * A report of another commune than the case's (the hotline or the province department joined them,
     * issue 9 item 4) also enters the timeline as {@link #OTHER_COMMUNE_REPORT_ENTRY}, naming both communes.
     */
    void linkReport(UUID caseId, NewCase report, String actor);

    /** The timeline entry of a report of another commune linked to the case; its data names both communes. */
    String OTHER_COMMUNE_REPORT_ENTRY = "report_linked_other_commune";

    /** Opens a new case for the child of a closed case, linked to it. */
    OpenedCase reopen(UUID closedCaseId, CurrentUser user);

    /** The case if {@code user} needs to know it; the read is audited. Empty both when absent and when hidden. */
    Optional<CaseView> read(UUID caseId, CurrentUser user);

    /**
     * The reports {@code username} filed (the first report of a case), newest first, with no case data beyond
     * the number, the commune and a coarse stage: what a filer who may not read the case file still may know
     * of what became of their report (issue 9, item 5).
     */
    List<FiledReport> filedBy(String username, int limit);

    /** A report as its filer sees it afterwards. */
    record FiledReport(String caseNumber, Instant receivedAt, String communeCode, FiledReportStage stage) {
    }

    /** How far a filed report got, coarsely: no step's details, no deadline. */
    enum FiledReportStage { RECEIVED, BEING_VERIFIED, BEING_HANDLED, CLOSED }

    /** Whether {@code user} needs to know this case: a task of it is or was routed to their agency, or they supervise its province. */
    boolean isVisibleTo(UUID caseId, CurrentUser user);

    /**
     * Whether {@code user} needs to know this case and sees all of it ({@link CaseVisibility#cut}): they run or
     * oversee it, and not from a commune that transferred it away.
     */
    boolean seesWholeCase(UUID caseId, CurrentUser user);

    void attachProcess(UUID caseId, String processInstanceId);

    void grantAccess(UUID caseId, String agencyId);

    /**
     * Records the agency the province department chose to carry the commune steps of a case whose commune
     * has no child-protection officer (issue 8 item 9), gives it need-to-know access and announces
     * {@link CaseEvents.ReceivingAgencyAssigned} for the audit log. Once per case: a second choice replaces
     * the first, audited with both.
     */
    void assignReceivingAgency(UUID caseId, String agencyId, String actor, Instant at);

    /** The agency chosen for a case of a commune without staff, if one was chosen. */
    Optional<String> receivingAgency(UUID caseId);

    void stepOpened(UUID caseId, String stepKey, String taskId, String agencyId, Instant openedAt, Instant dueAt);

    /** The open step's deadline was recalculated (the holidays of a year changed). */
    void stepDueChanged(String taskId, Instant dueAt);

    /** Stores what was recorded at a step; the step itself completes when the engine completes its task. */
    void recordStepData(String taskId, Map<String, Object> data);

    void stepCompleted(String taskId, String actor, Instant completedAt);

    /** The process ended an open step without its being done (its task was cancelled). */
    void stepEnded(String taskId, Instant at);

    void markEmergency(UUID caseId);

    /**
     * An entry of the timeline that is no one's task (the emergency reported upward): done when it happens.
     * Idempotent by {@code entryId}.
     */
    default void recordTimelineEntry(UUID caseId, String entryKey, String entryId, String agencyId, Instant at) {
        recordTimelineEntry(caseId, entryKey, entryId, agencyId, at, null);
    }

    /** As above, with what the entry records (its step data, e.g. whom an emergency was reported to); null for nothing. */
    void recordTimelineEntry(UUID caseId, String entryKey, String entryId, String agencyId, Instant at,
                             Map<String, Object> data);

    void setProtectionLevel(UUID caseId, String protectionLevel);

    /** Replaces the draft measures of the current plan cycle. */
    void draftPlan(UUID caseId, List<MeasureDraft> measures);

    /** Activates the drafted measures of the newest plan cycle and returns their ids. */
    List<UUID> activatePlan(UUID caseId);

    Optional<PlanMeasure> measure(UUID measureId);

    /** How a measure's task ended (DONE, PARTLY_DONE, NOT_DONE) and what it actually cost (đồng), if given. */
    void recordMeasureOutcome(UUID measureId, String status, Long actualCost);

    /**
     * Marks an open case as "verified, not a case" (issue 9 item 3): the chairman confirmed the officer's
     * proposal to close an unfounded report, with the officer's reason ({@code false_report},
     * {@code already_resolved}, {@code duplicate}, {@code other}). {@link #close} then closes it as such.
     */
    void markVerifiedNotACase(UUID caseId, String reason);

    /** Issue 9 item 7: a crime was indicated; the case goes to criminal procedure, its outcome PENDING. */
    void markCriminalProcedure(UUID caseId);

    /** How the police handled the crime report: PROSECUTED, ADMINISTRATIVE_SANCTION or NONE, with the decision. */
    void recordHandlingOutcome(UUID caseId, String outcome, String decisionNumber, LocalDate decisionDate);

    /** Closes an open case; one not marked {@link #markVerifiedNotACase} closes as {@link CaseView#CASE_HANDLED}. */
    void close(UUID caseId, Instant closedAt);

    /**
     * What the close form recorded of the child (issue 12 item 6): their situation and, for a child in alternative
     * care, its arrangement (null otherwise).
     */
    void recordClosingSituation(UUID caseId, String situation, String careArrangement);

    /**
     * The moments that deadline compliance is judged on, for the cases received in {@code [from, to)} in a
     * commune or a province (one of the two codes set). Moments not yet reached are null.
     *
     * @param windowStepKeys the steps bound by the 12-hour window
     */
    List<Milestones> milestones(String communeCode, String provinceCode, Instant from, Instant to,
                                java.util.Set<String> windowStepKeys);

    /**
     * What anyone deciding on a transfer of the case may see before they need to know it (issue 9 item 4): the
     * "same child?" fields of {@link CaseVisibility#forDuplicateCheck} and the category, no name, no report.
     * Empty for an unknown case.
     */
    Optional<CaseSummary> summary(UUID caseId);

    /**
     * The case now belongs to {@code communeCode} (an accepted transfer): its number, timeline and access stay;
     * routing and the boards follow the new commune.
     */
    void moveToCommune(UUID caseId, String communeCode);

    /** An open step's task was handed to another agency: its timeline entry names the new one. */
    void stepRerouted(String taskId, String agencyId);

    /**
     * @param processInstanceId the case's process, for the workflow module; not shown to anyone
     */
    record CaseSummary(UUID caseId, String caseNumber, String communeCode, String provinceCode, String status,
                       String category, Integer ageYears, String initials, String processInstanceId) {
    }

    /**
     * @param windowStepsDoneAt when the last of the case's 12-hour steps was completed; null while one is open
     * @param planDraftOpenedAt when the ordinary (not emergency) plan was first opened for drafting; null for none
     * @param verifiedAt        when verification ended: the plan's 5 + 2 working days count from it
     */
    record Milestones(UUID caseId, String communeCode, Instant receivedAt, Instant windowStepsDoneAt,
                      Instant planDraftOpenedAt, Instant planApprovedAt, Instant verifiedAt) {
    }

    /**
     * A possible duplicate. {@code caseId}, {@code receivedAt}, {@code childName}, {@code dateOfBirth} and
     * {@code estimatedAge} are null (left out of the JSON) for a case the user does not need to know.
     *
     * @param matchRef    what a report is linked with ({@code POST /api/reports/links}); valid for this user only, for a
     *                    while; null where nothing is to be linked ({@link #openDuplicatesInOtherCommunes})
     * @param ageYears    the child's age today, from the date of birth or the estimate
     * @param initials    the initials of the child's name, e.g. "N.T.H."
     */
    record DuplicateCandidate(UUID matchRef, String caseNumber, String communeCode, String status, Integer ageYears,
                              String initials, UUID caseId, Instant receivedAt, String childName,
                              LocalDate dateOfBirth, Integer estimatedAge) {
    }

    record MeasureDraft(String measureType, String responsibleRole, String description, LocalDate startDate,
                        LocalDate endDate, String provider, Long costEstimate) {
    }
}
