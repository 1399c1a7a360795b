package vn.trean.workflow.calendar;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.CaseProcess.WorkingDayDeadline;
import vn.trean.workflow.HolidayCalendar.Recalculated;
import vn.trean.workflow.WorkflowEvents.TaskDueDateChanged;

/**
 * Moves the open working-day deadlines to the holidays just saved, inside the saving transaction. A
 * deadline is a working-day one when its model says {@code P<n>WD} as written: a timer's {@code timeDate},
 * a user task's {@code camunda:dueDate}. Each is computed again from its original start — the timer job's
 * creation, the task's creation — so running it twice changes nothing the second time. A deadline held in a variable
 * ({@link CaseProcess#WORKING_DAY_DEADLINES}, e.g. the plan's draft, {@code ${planDraftDueAt}}) is computed again
 * from the variable it counts from, and the open tasks that name it follow.
 */
@Component
public class DueDateRecalculation {

    private static final Logger log = LoggerFactory.getLogger(DueDateRecalculation.class);
    private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,3})WD");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final ManagementService management;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final CaseFiles cases;
    private final ApplicationEventPublisher events;

    DueDateRecalculation(ManagementService management, RepositoryService repository, TaskService tasks,
                         RuntimeService runtime, WorkingDayCalendar calendar, CaseFiles cases,
                         ApplicationEventPublisher events) {
        this.management = management;
        this.repository = repository;
        this.tasks = tasks;
        this.runtime = runtime;
        this.calendar = calendar;
        this.cases = cases;
        this.events = events;
    }

    public Recalculated recalculate(WorkingDayCalendar.Days days) {
        Map<String, BpmnModelInstance> models = new HashMap<>();
        int timers = 0;
        for (JobDefinition definition : management.createJobDefinitionQuery().list()) {
            if (definition.getProcessDefinitionId() == null) {
                continue; // a batch's jobs, not a process's
            }
            Optional<Integer> workingDays = timerWorkingDays(model(models, definition.getProcessDefinitionId()),
                    definition.getActivityId());
            if (workingDays.isEmpty()) {
                continue;
            }
            for (Job job : management.createJobQuery().jobDefinitionId(definition.getId()).timers().list()) {
                Date due = Date.from(calendar.addWorkingDays(days, job.getCreateTime().toInstant(), workingDays.get()));
                if (!due.equals(job.getDuedate())) {
                    management.setJobDuedate(job.getId(), due);
                    timers++;
                }
            }
        }
        CaseProcess.WORKING_DAY_DEADLINES.forEach((variable, deadline) -> recalculateVariables(variable, deadline, days));
        int moved = 0;
        for (ProcessDefinition process : repository.createProcessDefinitionQuery().list()) {
            BpmnModelInstance model = model(models, process.getId());
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
                Optional<String> dueVariable = variableDeadline(userTask.getCamundaDueDate()).map(Map.Entry::getKey);
                if (dueVariable.isPresent()) {
                    for (Task task : tasks.createTaskQuery().processDefinitionId(process.getId())
                            .taskDefinitionKey(userTask.getId()).active().list()) {
                        if (followVariable(task, dueVariable.get(), days)) {
                            moved++;
                        }
                    }
                    continue;
                }
                Optional<Integer> workingDays = workingDays(userTask.getCamundaDueDate());
                if (workingDays.isEmpty()) {
                    continue;
                }
                // a suspended task cannot be saved; it keeps its date until resumed and the next save
                for (Task task : tasks.createTaskQuery().processDefinitionId(process.getId())
                        .taskDefinitionKey(userTask.getId()).active().list()) {
                    if (recalculate(task, workingDays.get(), days)) {
                        moved++;
                    }
                }
            }
        }
        // counts only: which cases were touched is in the audit log's before/after, not in the log file
        log.info("Holidays changed: {} working-day timers and {} working-day tasks moved to the new calendar", timers, moved);
        return new Recalculated(timers, moved);
    }

    private boolean recalculate(Task task, int workingDays, WorkingDayCalendar.Days days) {
        Instant start = task.getCreateTime().toInstant();
        Instant due = calendar.addWorkingDays(days, start, workingDays);
        boolean changed = task.getDueDate() == null || !task.getDueDate().toInstant().equals(due);
        if (changed) {
            task.setDueDate(Date.from(due));
            tasks.saveTask(task);
            cases.stepDueChanged(task.getId(), due);
        }
        // the mark may change without the date moving (a year saved with no day off in the span)
        events.publishEvent(new TaskDueDateChanged(task.getId(), due,
                calendar.unconfiguredYearBetween(days, start, due).orElse(null)));
        return changed;
    }

    /** Every running value of a deadline variable, computed again from the variable it counts from. */
    private void recalculateVariables(String variable, WorkingDayDeadline deadline, WorkingDayCalendar.Days days) {
        for (VariableInstance value : runtime.createVariableInstanceQuery().variableName(variable).list()) {
            Object start = runtime.getVariable(value.getExecutionId(), deadline.startVariable());
            if (!(start instanceof Date from)) {
                continue;
            }
            Date due = Date.from(calendar.addWorkingDays(days, from.toInstant(), deadline.workingDays()));
            if (!(value.getValue() instanceof Date held) || held.getTime() != due.getTime()) {
                runtime.setVariableLocal(value.getExecutionId(), variable, due);
            }
        }
    }

    /** An open task whose model names a deadline variable takes the variable's (recalculated) value. */
    private boolean followVariable(Task task, String variable, WorkingDayCalendar.Days days) {
        if (!(tasks.getVariable(task.getId(), variable) instanceof Date due)) {
            return false;
        }
        boolean changed = task.getDueDate() == null || task.getDueDate().getTime() != due.getTime();
        if (changed) {
            task.setDueDate(due);
            tasks.saveTask(task);
            cases.stepDueChanged(task.getId(), due.toInstant());
        }
        Object start = tasks.getVariable(task.getId(), CaseProcess.WORKING_DAY_DEADLINES.get(variable).startVariable());
        events.publishEvent(new TaskDueDateChanged(task.getId(), due.toInstant(), start instanceof Date from
                ? calendar.unconfiguredYearBetween(days, from.toInstant(), due.toInstant()).orElse(null) : null));
        return changed;
    }

    private BpmnModelInstance model(Map<String, BpmnModelInstance> models, String processDefinitionId) {
        return models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
    }

    private static Optional<Integer> timerWorkingDays(BpmnModelInstance model, String activityId) {
        if (model == null || activityId == null) {
            return Optional.empty();
        }
        ModelElementInstance element = model.getModelElementById(activityId);
        if (!(element instanceof Event event)) {
            return Optional.empty();
        }
        for (TimerEventDefinition timer : event.getChildElementsByType(TimerEventDefinition.class)) {
            if (timer.getTimeDate() != null) {
                return workingDays(timer.getTimeDate().getTextContent());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code ${planDraftDueAt}} → that variable and how it is counted, when it is one of
     * {@link CaseProcess#WORKING_DAY_DEADLINES}; anything else is not a deadline held in a variable.
     */
    public static Optional<Map.Entry<String, WorkingDayDeadline>> variableDeadline(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher matcher = VARIABLE.matcher(description.trim());
        if (!matcher.matches() || !CaseProcess.WORKING_DAY_DEADLINES.containsKey(matcher.group(1))) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(matcher.group(1), CaseProcess.WORKING_DAY_DEADLINES.get(matcher.group(1))));
    }

    /** {@code P5WD} → 5; anything else (ISO durations, dates, expressions) is not a working-day deadline. */
    public static Optional<Integer> workingDays(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher matcher = WORKING_DAYS.matcher(description.trim());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
