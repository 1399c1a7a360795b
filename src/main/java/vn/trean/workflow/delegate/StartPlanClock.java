package vn.trean.workflow.delegate;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.calendar.WorkingDayCalendar;

/**
 * Starts the plan's 5 + 2 working days (issue 12 item 2): run as an execution listener when verification ends and
 * when a review starts a new plan cycle. The draft's deadline is computed once here, with the holidays as they are;
 * a change of the holidays moves it (see {@code DueDateRecalculation}). Public for the process tests, which run it.
 */
@Component(CaseProcess.Delegate.START_PLAN_CLOCK)
public class StartPlanClock implements JavaDelegate {

    private final WorkingDayCalendar calendar;

    public StartPlanClock(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable(Var.PLAN_CLOCK_STARTS_AT, Date.from(now));
        execution.setVariable(Var.PLAN_DRAFT_DUE_AT,
                Date.from(calendar.addWorkingDays(now, CaseProcess.PLAN_DRAFT_WORKING_DAYS)));
    }
}
