package vn.trean.workflow.delegate;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Role;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.WorkflowEvents.OpenStep;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.CaseContext;

/**
 * The 12-hour window passed with verification or emergency steps undone: the breach is recorded per
 * open step, as a breach of the agency it was routed to (the steps stay with their owners) and the chairman is alerted; the escalation task for the
 * province supervisor follows in the model.
 */
@Component("recordTwelveHourBreach")
class RecordTwelveHourBreach implements JavaDelegate {

    private final TaskService tasks;
    private final AgencyRouter router;
    private final ApplicationEventPublisher events;

    RecordTwelveHourBreach(TaskService tasks, AgencyRouter router, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.router = router;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseContext context = CaseContext.of(execution);
        List<OpenStep> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list().stream()
                .filter(t -> Step.ofElementId(t.getTaskDefinitionKey()).map(Step::inTwelveHourWindow).orElse(false))
                .map(t -> new OpenStep(t.getId(), Step.ofElementId(t.getTaskDefinitionKey()).orElseThrow().formKey(),
                        agencyOf(t.getId())))
                .toList();
        Date windowEndsAt = (Date) execution.getVariable(Var.WINDOW_ENDS_AT);
        List<String> notified = router.agenciesToNotify(context, Role.COMMUNE_CHAIRMAN, Role.COMMUNE_OFFICER,
                Role.PROVINCE_SUPERVISOR);
        events.publishEvent(new TwelveHourWindowBreached(context.caseId(), windowEndsAt.toInstant(), open, notified));
    }

    /** The agency a step was routed to: the breach is that agency's (the police's, the health station's, …). */
    private String agencyOf(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
    }
}
