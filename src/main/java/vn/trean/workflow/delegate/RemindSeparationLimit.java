package vn.trean.workflow.delegate;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.workflow.CaseProcess.Role;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.WorkflowEvents.SeparationLimitReminderDue;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.CaseContext;

/** Two days before a separation's 15 days end (Decree 56, art. 32), the commune officer and the chairman are reminded. */
@Component("remindSeparationLimit")
class RemindSeparationLimit implements JavaDelegate {

    private final AgencyRouter router;
    private final ApplicationEventPublisher events;

    RemindSeparationLimit(AgencyRouter router, ApplicationEventPublisher events) {
        this.router = router;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseContext context = CaseContext.of(execution);
        Date endsAt = (Date) execution.getVariable(Var.SEPARATION_ENDS_AT);
        events.publishEvent(new SeparationLimitReminderDue(context.caseId(), endsAt.toInstant(),
                router.agenciesToNotify(context, Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN)));
    }
}
