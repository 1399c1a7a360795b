package vn.trean.workflow.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.WorkflowEvents.TaskAssigned;
import vn.trean.workflow.WorkflowEvents.TaskEnded;

/** Announces a task claimed or handed back, and a task the process cancelled, so work lists stay in step. */
@Component
public class TaskHandover implements TaskListener {

    private final ApplicationEventPublisher events;
    private final CaseFiles cases;

    TaskHandover(ApplicationEventPublisher events, CaseFiles cases) {
        this.events = events;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if (CaseContext.of(task) == null) {
            return;
        }
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            events.publishEvent(new TaskAssigned(task.getId(), task.getAssignee()));
        } else if (EVENTNAME_DELETE.equals(task.getEventName())) {
            cases.stepEnded(task.getId(), ClockUtil.getCurrentTime().toInstant());
            events.publishEvent(new TaskEnded(task.getId(), false));
        }
    }
}
