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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
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
import vn.trean.workflow.HolidayCalendar.Recalculated;
import vn.trean.workflow.WorkflowEvents.TaskDueDateChanged;

/**
 * Moves the open working-day deadlines to the holidays just saved, inside the saving transaction. A
 * deadline is a working-day one when its model says {@code P<n>WD} as written: a timer's {@code timeDate},
 * a user task's {@code camunda:dueDate}. Each is computed again from its original start — the timer job's
 * creation, the task's creation — so running it twice changes nothing the second time.
 */
@Component
public class DueDateRecalculation {

    private static final Logger log = LoggerFactory.getLogger(DueDateRecalculation.class);
    private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,3})WD");

    private final ManagementService management;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final CaseFiles cases;
    private final ApplicationEventPublisher events;

    DueDateRecalculation(ManagementService management, RepositoryService repository, TaskService tasks,
                         WorkingDayCalendar calendar, CaseFiles cases, ApplicationEventPublisher events) {
        this.management = management;
        this.repository = repository;
        this.tasks = tasks;
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
        int moved = 0;
        for (ProcessDefinition process : repository.createProcessDefinitionQuery().list()) {
            BpmnModelInstance model = model(models, process.getId());
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
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

    /** {@code P5WD} → 5; anything else (ISO durations, dates, expressions) is not a working-day deadline. */
    public static Optional<Integer> workingDays(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher matcher = WORKING_DAYS.matcher(description.trim());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
