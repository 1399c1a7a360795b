package vn.trean.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case file as its reader is allowed to see it. {@code closingOutcome} ({@link #VERIFIED_NOT_A_CASE} or
 * {@link #CASE_HANDLED}) and {@code closingReason} (the officer's reason for an unfounded report) are null
 * while the case is open.
 */
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
        List<LinkedReport> linkedReports,
        String closingOutcome,
        String closingReason,
        CriminalProcedure criminalProcedure) {

    /**
     * Issue 9 item 7: whether the case was marked for criminal procedure (a crime indicated at verification) and
     * how the police handled it: {@code PENDING}, {@code PROSECUTED}, {@code ADMINISTRATIVE_SANCTION} or {@code NONE},
     * with the decision's number and date. {@code marked} false and the rest null for other cases.
     */
    public record CriminalProcedure(boolean marked, String handlingOutcome, String decisionNumber,
                                    LocalDate decisionDate) {
    }

    /** {@link #closingOutcome()} of a report that verification found unfounded and the chairman closed early. */
    public static final String VERIFIED_NOT_A_CASE = "VERIFIED_NOT_A_CASE";
    /** {@link #closingOutcome()} of every other closed case. */
    public static final String CASE_HANDLED = "CASE_HANDLED";

    /** A later report about the same child, linked to this case instead of opening a duplicate. */
    public record LinkedReport(Instant receivedAt, String receivingAgencyId, String receivingOfficer, String channel,
                               String currentCondition, List<Parent> parents) {
    }

    public record Child(String fullName, LocalDate dateOfBirth, Integer estimatedAge, String sex) {
    }

    /**
     * @param parents   Form 01's parents or carers, in the order given
     * @param informant who told the receiving point, only as far as they agreed; null when nothing was recorded
     */
    public record Report(String receivingAgencyId, String receivingOfficer, String channel, String place,
                         String currentCondition, String likelyConsequence, String familySituation,
                         List<String> abuseForms, String hotlineReference, List<Parent> parents, Informant informant) {
    }

    /** A parent or carer as Form 01 lists them: name, age, job (and the relation, address, phone the API takes). */
    public record Parent(String fullName, Integer age, String occupation, String relation, String address,
                         String phone) {
    }

    /** The informant, recorded with their consent. */
    public record Informant(String name, String phone, String relation, String address) {
    }

    /** One step of the timeline. {@code lateSeconds} is set when it was completed after its deadline. */
    /** @param endedAt when the process ended the step without its being done (null while open, or once done) */
    public record Step(String stepKey, String taskId, String agencyId, Instant openedAt, Instant dueAt,
                       Instant completedAt, String completedBy, Map<String, Object> data, Long lateSeconds,
                       Instant endedAt) {

        public Step(String stepKey, String taskId, String agencyId, Instant openedAt, Instant dueAt,
                    Instant completedAt, String completedBy, Map<String, Object> data, Long lateSeconds) {
            this(stepKey, taskId, agencyId, openedAt, dueAt, completedAt, completedBy, data, lateSeconds, null);
        }
    }
}
