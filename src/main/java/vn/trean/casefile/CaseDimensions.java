package vn.trean.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every dimension the statistics count a case by (issue 10 item 1), as recorded on the case: its
 * {@link Classification}, and beside it what other steps record — the perpetrator's name if the police recorded it,
 * the handling outcome (V28), the outcome at closing (V24) and the support given per measure with its cost.
 *
 * @param perpetratorName as the police recorded it with their outcome; null otherwise
 * @param handling        whether the case went to criminal procedure and how the police handled it
 * @param closingOutcome  {@link CaseView#CASE_HANDLED} or {@link CaseView#VERIFIED_NOT_A_CASE}; null while open
 * @param closingReason   why a report closed as not a case; null otherwise
 * @param updatedAt       the last change of the classification (its capture at intake, a correction)
 */
public record CaseDimensions(UUID caseId, Classification classification, String perpetratorName,
                             CaseView.CriminalProcedure handling, String closingOutcome, String closingReason,
                             List<SupportGiven> support, Instant updatedAt, String updatedBy) {

    /**
     * A measure of the plan and what it cost: {@code actualCost} (đồng) is recorded when the measure's task is
     * completed; null before, or when none was given.
     */
    public record SupportGiven(UUID measureId, int planCycle, String measureType, String responsibleRole,
                               String status, Long costEstimate, Long actualCost) {
    }
}
