package vn.trean.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseClassifications;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.Classification;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.UnfoundedReport;

/**
 * What a completed step writes to the case file beyond its recorded values, keyed by the process's
 * step: the province's choice of a receiving agency routes the commune steps, verification and assessment the case's
 * classification, the police's outcome the handling (and the perpetrator's name), the meeting sets the protection
 * level, the draft plan its measures, a measure task its outcome and cost; a verification that proposes to close an
 * unfounded report is checked against its own answers. Applied only through {@link CaseTasks#complete}, the one door a case task is completed by.
 */
@Component
class StepEffects {

    /** What one step writes, given the case, the measure the task is about (or null) and the validated values. */
    @FunctionalInterface
    private interface Effect {
        void apply(UUID caseId, UUID measureId, Map<String, Object> values, String actor);
    }

    private final Map<Step, Effect> effects = new EnumMap<>(Step.class);

    StepEffects(CaseFiles cases, CaseClassifications classifications, ReceivingAgencies receivingAgencies) {
        effects.put(Step.ASSIGN_RECEIVING_AGENCY, (caseId, measureId, values, actor) ->
                receivingAgencies.assign(caseId, values.get(CaseProcess.RECEIVING_AGENCY_FIELD), actor));
        effects.put(Step.VERIFY_REPORT, (caseId, measureId, values, actor) -> {
            checkClosingProposal(values);
            classify(classifications, caseId, values, actor, Step.VERIFY_REPORT);
            if (Boolean.TRUE.equals(values.get(CaseProcess.Var.CRIME_INDICATED))) {
                cases.markCriminalProcedure(caseId);
            }
        });
        effects.put(Step.ASSESS_NEEDS, (caseId, measureId, values, actor) ->
                classify(classifications, caseId, values, actor, Step.ASSESS_NEEDS));
        effects.put(Step.RECORD_CRIME_OUTCOME, (caseId, measureId, values, actor) -> {
            recordCrimeOutcome(cases, caseId, values);
            if (values.get(CaseProcess.CrimeReport.PERPETRATOR_NAME_FIELD) instanceof String name) {
                classifications.recordPerpetratorName(caseId, name, actor);
            }
        });
        effects.put(Step.RECORD_COURT_DECISION, (caseId, measureId, values, actor) -> checkCareEnd(values));
        effects.put(Step.RECORD_WINDOW_COURT_DECISION, (caseId, measureId, values, actor) -> checkCareEnd(values));
        effects.put(Step.CONFIRM_EARLY_CLOSE, (caseId, measureId, values, actor) -> checkReturnReason(values));
        effects.put(Step.HOLD_CASE_MEETING, (caseId, measureId, values, actor) ->
                cases.setProtectionLevel(caseId, (String) values.get("protectionLevel")));
        effects.put(Step.DRAFT_PLAN, (caseId, measureId, values, actor) -> cases.draftPlan(caseId, measures(values)));
        effects.put(Step.DRAFT_EMERGENCY_PLAN, (caseId, measureId, values, actor) -> cases.draftPlan(caseId, measures(values)));
        effects.put(Step.CLOSE_CASE, (caseId, measureId, values, actor) -> cases.recordClosingSituation(caseId,
                (String) values.get(CaseProcess.CLOSING_SITUATION_FIELD), (String) values.get("careArrangement")));
        effects.put(Step.IMPLEMENT_MEASURE, (caseId, measureId, values, actor) ->
                cases.recordMeasureOutcome(measureId, values.get("status").toString().toUpperCase(Locale.ROOT),
                        values.get(ACTUAL_COST_FIELD) instanceof Number cost ? cost.longValue() : null));
    }

    /** The field of {@code forms/implement_measure.form} with what the measure actually cost (đồng). */
    static final String ACTUAL_COST_FIELD = "actualCost";

    /**
     * Verification corrects and assessment completes the dimensions captured at intake (issue 10 item 1): stored on
     * the case and audited when they changed. A sub-type without its abuse form is refused, naming the field.
     */
    private static void classify(CaseClassifications classifications, UUID caseId, Map<String, Object> values,
                                 String actor, Step step) {
        if (!ClassificationFields.present(values)) {
            return;
        }
        Classification classification = ClassificationFields.from(values);
        if (!classification.violations().isEmpty()) {
            throw new InvalidFieldsProblem(classification.violations());
        }
        classifications.correct(caseId, classification, actor, step.formKey());
    }

    void apply(Step step, UUID caseId, UUID measureId, Map<String, Object> values, String actor) {
        Effect effect = effects.get(step);
        if (effect != null) {
            effect.apply(caseId, measureId, values, actor);
        }
    }

    /**
     * A proposal to close a report as unfounded stands only on a verification that found no abuse and no
     * risk: no answer of the form may say otherwise (abuse confirmed or unclear, the child unsafe, a risk
     * level, an emergency criterion). Each contradicting field is named; nothing is recorded.
     */
    private static void checkClosingProposal(Map<String, Object> values) {
        if (!UnfoundedReport.UNFOUNDED.equals(values.get(UnfoundedReport.OUTCOME_FIELD))) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        if (!"no".equals(values.get("abuseConfirmed"))) {
            violations.add(new Violation("abuseConfirmed", "contradicts-unfounded"));
        }
        if (!UnfoundedReport.NO_RISK.equals(values.get("riskLevel"))) {
            violations.add(new Violation("riskLevel", "contradicts-unfounded"));
        }
        for (String flag : List.of("childUnsafe", "seriousHarm", "perpetratorIsCarer", "officerDeclaresEmergency")) {
            if (Boolean.TRUE.equals(values.get(flag))) {
                violations.add(new Violation(flag, "contradicts-unfounded"));
            }
        }
        if (UnfoundedReport.OTHER_REASON.equals(values.get(UnfoundedReport.REASON_FIELD))
                && values.get(UnfoundedReport.REASON_TEXT_FIELD) == null) {
            violations.add(new Violation(UnfoundedReport.REASON_TEXT_FIELD, "required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unfounded-contradicted", violations);
        }
    }

    /**
     * The police's outcome of a crime report, on the case for the statistics. A prosecution or an
     * administrative sanction names its decision (number and date).
     */
    private static void recordCrimeOutcome(CaseFiles cases, UUID caseId, Map<String, Object> values) {
        String outcome = values.get(CaseProcess.CrimeReport.OUTCOME_FIELD).toString();
        Object number = values.get(CaseProcess.CrimeReport.DECISION_NUMBER_FIELD);
        Object date = values.get(CaseProcess.CrimeReport.DECISION_DATE_FIELD);
        if (!CaseProcess.CrimeReport.NONE.equals(outcome)) {
            List<Violation> violations = new ArrayList<>();
            if (number == null) {
                violations.add(new Violation(CaseProcess.CrimeReport.DECISION_NUMBER_FIELD, "required"));
            }
            if (date == null) {
                violations.add(new Violation(CaseProcess.CrimeReport.DECISION_DATE_FIELD, "required"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidFieldsProblem(violations);
            }
        }
        cases.recordHandlingOutcome(caseId, outcome.toUpperCase(Locale.ROOT),
                number == null ? null : number.toString(), date == null ? null : LocalDate.parse(date.toString()));
    }

    /** Care the court continued is tracked until it ends: its end date is needed unless the court refused. */
    private static void checkCareEnd(Map<String, Object> values) {
        if (!"rejected".equals(values.get(CaseProcess.Var.COURT_DECISION)) && values.get("careEndDate") == null) {
            throw new InvalidFieldsProblem(List.of(new Violation("careEndDate", "required")));
        }
    }

    /** The chairman who sends a proposal back says why: the officer reads it in the timeline before assessing. */
    private static void checkReturnReason(Map<String, Object> values) {
        if (UnfoundedReport.RETURN.equals(values.get(CaseProcess.Var.EARLY_CLOSE_DECISION))
                && values.get(UnfoundedReport.CHAIRMAN_NOTE_FIELD) == null) {
            throw new InvalidFieldsProblem(List.of(new Violation(UnfoundedReport.CHAIRMAN_NOTE_FIELD, "required")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<CaseFiles.MeasureDraft> measures(Map<String, Object> values) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) values.get("measures");
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            var m = items.get(i);
            if (LocalDate.parse((String) m.get("endDate")).isBefore(LocalDate.parse((String) m.get("startDate")))) {
                violations.add(new Violation("measures[" + i + "].endDate", "end-before-start"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        return items.stream().map(m -> new CaseFiles.MeasureDraft((String) m.get("measureType"),
                        (String) m.get("responsibleRole"), (String) m.get("description"),
                        LocalDate.parse((String) m.get("startDate")), LocalDate.parse((String) m.get("endDate")),
                        (String) m.get("provider"),
                        m.get("costEstimate") == null ? null : ((Number) m.get("costEstimate")).longValue()))
                .toList();
    }
}
