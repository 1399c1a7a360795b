package vn.trean.workflow.routing;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.WorkflowEvents.TaskEnded;

/**
 * Runs when any user task of a case completes: closes the step in the timeline, with how late it was.
 *
 * <p>It also keeps the one door: a case task completes only inside {@link #through}, which the
 * workflow's {@code CaseTasks.complete} opens after the form was checked and the case file written.
 * A completion from anywhere else — the engine's Tasklist, {@code /engine-rest/task/{id}/complete}, a
 * stray {@code TaskService} call — is refused here and rolls back. (The engine REST filter answers
 * those tools with a 403 first; this is the rule itself.)
 */
@Component
public class StepCompletion implements TaskListener {

    /** The task whose completion the current thread is carrying out through the door, if any. */
    private static final ThreadLocal<String> COMPLETING = new ThreadLocal<>();

    /** Runs {@code completion} with the door open for {@code taskId}. */
    public static void through(String taskId, Runnable completion) {
        String outer = COMPLETING.get();
        COMPLETING.set(taskId);
        try {
            completion.run();
        } finally {
            if (outer == null) {
                COMPLETING.remove();
            } else {
                COMPLETING.set(outer);
            }
        }
    }

    private final CaseFiles cases;
    private final ApplicationEventPublisher events;

    private final SeparationReport separationReport;

    StepCompletion(CaseFiles cases, ApplicationEventPublisher events, SeparationReport separationReport) {
        this.cases = cases;
        this.events = events;
        this.separationReport = separationReport;
    }

    @Override
    public void notify(DelegateTask task) {
        if (CaseContext.of(task) == null) {
            return;
        }
        if (!task.getId().equals(COMPLETING.get())) {
            throw new ProcessEngineException("ENGINE-TREAN: case task " + task.getId()
                    + " is completed only through Trẻ An's task API (POST /api/tasks/{id}/complete)");
        }
        String actor = task.getAssignee();
        if (actor == null && Context.getCommandContext() != null) {
            actor = Context.getCommandContext().getAuthenticatedUserId();
        }
        cases.stepCompleted(task.getId(), actor == null ? "system" : actor, ClockUtil.getCurrentTime().toInstant());
        vn.trean.workflow.CaseProcess.Step.ofElementId(task.getTaskDefinitionKey())
                .filter(vn.trean.workflow.CaseProcess.SEPARATION_DECISIONS::contains)
                .ifPresent(decision -> separationReport.report(task, CaseContext.of(task),
                        ClockUtil.getCurrentTime().toInstant()));
        events.publishEvent(new TaskEnded(task.getId(), true));
    }
}
