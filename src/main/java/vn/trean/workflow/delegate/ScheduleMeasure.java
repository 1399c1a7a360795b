package vn.trean.workflow.delegate;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.PlanMeasure;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.WorkflowSettings;

/**
 * Reads one measure's dates into its own instance of the plan's measures (issue 12 items 4 and 5): whether it starts
 * after today (its task then waits for the start of its start date) and when it is due (its end date, at the end of
 * the working day). The variables are local: each measure has its own.
 */
@Component(CaseProcess.Delegate.SCHEDULE_MEASURE)
class ScheduleMeasure implements JavaDelegate {

    private final CaseFiles cases;
    private final WorkflowSettings settings;

    ScheduleMeasure(CaseFiles cases, WorkflowSettings settings) {
        this.cases = cases;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID measureId = UUID.fromString(execution.getVariable(Var.MEASURE_ID).toString());
        PlanMeasure measure = cases.measure(measureId)
                .orElseThrow(() -> new IllegalStateException("no measure " + measureId));
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), settings.zone());
        execution.setVariableLocal(Var.MEASURE_STARTS_LATER, measure.startDate().isAfter(today));
        execution.setVariableLocal(Var.MEASURE_STARTS_AT, CaseProcess.measureOpensAt(measure.startDate(), settings.zone()));
        execution.setVariableLocal(Var.MEASURE_ENDS_AT, CaseProcess.measureDueAt(measure.endDate(), settings.zone()));
    }
}
