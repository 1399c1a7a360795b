package vn.trean.workflow.delegate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.PlanMeasure;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.CaseContext;
import vn.trean.workflow.routing.WorkflowSettings;

/**
 * The approved plan takes effect: one implementation task per measure (the ids become the multi-instance
 * collection), and the plan's end — its latest measure's end date — by when it is reviewed at the latest.
 */
@Component("activatePlan")
class ActivatePlan implements JavaDelegate {

    private final CaseFiles cases;
    private final WorkflowSettings settings;

    ActivatePlan(CaseFiles cases, WorkflowSettings settings) {
        this.cases = cases;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var ids = new ArrayList<String>();
        LocalDate lastEnd = null;
        for (UUID id : cases.activatePlan(CaseContext.of(execution).caseId())) {
            ids.add(id.toString());
            LocalDate end = cases.measure(id).map(PlanMeasure::endDate).orElse(null);
            if (end != null && (lastEnd == null || end.isAfter(lastEnd))) {
                lastEnd = end;
            }
        }
        execution.setVariable(Var.MEASURE_IDS, Variables.objectValue(ids).serializationDataFormat("application/json").create());
        // a plan without measures goes straight to its review; its end is now
        execution.setVariable(Var.PLAN_ENDS_AT,
                lastEnd == null ? ClockUtil.getCurrentTime() : CaseProcess.measureDueAt(lastEnd, settings.zone()));
    }
}
