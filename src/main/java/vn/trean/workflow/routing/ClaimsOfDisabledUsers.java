package vn.trean.workflow.routing;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.trean.identity.IdentityEvents.UserDisabled;

/**
 * A disabled person's claimed tasks go back to their agency's list: each is unassigned, which keeps its
 * candidate group, and {@link TaskHandover} brings the work list in step. Synchronous, inside the
 * transaction that disables the user, so that a user is never disabled with tasks still held. History
 * (who did what) stays.
 */
@Component
class ClaimsOfDisabledUsers {

    private final TaskService tasks;

    ClaimsOfDisabledUsers(TaskService tasks) {
        this.tasks = tasks;
    }

    @EventListener
    void on(UserDisabled disabled) {
        for (Task task : tasks.createTaskQuery().taskAssignee(disabled.username()).list()) {
            tasks.setAssignee(task.getId(), null);
        }
    }
}
