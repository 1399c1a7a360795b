package vn.trean.workflow.delegate;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.workflow.CaseProcess.Role;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.WorkflowEvents.TwelveHourReminderDue;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.CaseContext;

/** Before the 12-hour window ends, the commune officer and the chairman are reminded. */
@Component("remindTwelveHourWindow")
class RemindTwelveHourWindow implements JavaDelegate {

    private final AgencyRouter router;
    private final ApplicationEventPublisher events;

    RemindTwelveHourWindow(AgencyRouter router, ApplicationEventPublisher events) {
        this.router = router;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date windowEndsAt = (Date) execution.getVariable(Var.WINDOW_ENDS_AT);
        if (!ClockUtil.getCurrentTime().before(windowEndsAt)) {
            return; // a report entered after its window ended: the breach alert says it all
        }
        CaseContext context = CaseContext.of(execution);
        List<String> agencies = router.agenciesToNotify(context, Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);
        if (agencies.isEmpty()) {
            // a commune without staff whose receiving agency is still to be assigned: the province holds the step
            agencies = router.agenciesToNotify(context, Role.PROVINCE_SUPERVISOR);
        }
        events.publishEvent(new TwelveHourReminderDue(context.caseId(), windowEndsAt.toInstant(), agencies));
    }
}
