package vn.trean.workflow.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.WorkflowEvents.TaskEnded;

/**
 * Runs when any user task of a case completes, whichever way it was completed (the API or the
 * engine's own tools): closes the step in the timeline, with how late it was.
 */
@Component
public class StepCompletion implements TaskListener {

    private final CaseFiles cases;
    private final ApplicationEventPublisher events;

    StepCompletion(CaseFiles cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        if (CaseContext.of(task) == null) {
            return;
        }
        String actor = task.getAssignee();
        if (actor == null && Context.getCommandContext() != null) {
            actor = Context.getCommandContext().getAuthenticatedUserId();
        }
        cases.stepCompleted(task.getId(), actor == null ? "system" : actor, ClockUtil.getCurrentTime().toInstant());
        events.publishEvent(new TaskEnded(task.getId(), true));
    }
}
