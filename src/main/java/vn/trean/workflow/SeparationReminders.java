package vn.trean.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;

/**
 * A separation decided under a model version without the 2-day reminder carries {@link Var#SEPARATION_ENDS_AT}
 * only. Migrating such a case to the current version creates the reminder timer on the monitoring step, whose
 * date is {@link Var#SEPARATION_REMINDER_AT}: without it the engine cannot create the timer and the migration
 * fails. Before a migration the case gets the date by the rule a decision follows now.
 */
@Component
class SeparationReminders {

    private static final String[] MONITOR_STEPS = {
            Step.MONITOR_SEPARATION.elementId(), Step.MONITOR_LATER_SEPARATION.elementId()};

    private final RuntimeService runtime;
    private final TaskService tasks;

    SeparationReminders(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Gives each of these process instances that monitors a separation without a reminder date its date; the ids it gave one. */
    List<String> addMissing(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        List<String> given = new ArrayList<>();
        for (Task monitor : tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .taskDefinitionKeyIn(MONITOR_STEPS).list()) {
            String execution = monitor.getExecutionId();
            if (runtime.getVariable(execution, Var.SEPARATION_REMINDER_AT) == null
                    && runtime.getVariable(execution, Var.SEPARATION_ENDS_AT) instanceof Date endsAt) {
                runtime.setVariable(execution, Var.SEPARATION_REMINDER_AT, CaseProcess.separationReminderAt(endsAt));
                given.add(monitor.getProcessInstanceId());
            }
        }
        return given;
    }
}
