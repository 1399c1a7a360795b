package vn.trean.workflow.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.WorkflowEvents.EmergencyReported;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.WorkflowEvents.TaskDueDateChanged;
import vn.trean.workflow.WorkflowEvents.TaskRouted;
import vn.trean.workflow.calendar.DueDateRecalculation;
import vn.trean.workflow.calendar.WorkingDayCalendar;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Runs when any user task of a case is created, after {@link RoutedCandidateGroups} routed its roles to
 * agencies: gives those agencies need-to-know access to the case, opens the step in the timeline and
 * announces the task ({@link TaskRouted}) for the work lists and notifications.
 */
@Component
public class TaskRouting implements TaskListener {

    private final CaseFiles cases;
    private final WorkflowSettings settings;
    private final ApplicationEventPublisher events;

    private final WorkingDayCalendar calendar;
    private final UpwardReport upwardReport;

    TaskRouting(CaseFiles cases, WorkflowSettings settings, ApplicationEventPublisher events,
                WorkingDayCalendar calendar, UpwardReport upwardReport) {
        this.upwardReport = upwardReport;
        this.cases = cases;
        this.settings = settings;
        this.events = events;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        CaseContext context = CaseContext.of(task);
        if (context == null) {
            return;
        }
        Object measure = task.getVariable(Var.MEASURE_ID);
        UUID measureId = measure == null ? null : UUID.fromString(measure.toString());
        List<String> agencies = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                cases.grantAccess(context.caseId(), link.getGroupId());
                agencies.add(link.getGroupId());
            }
        }
        String stepKey = Step.ofElementId(task.getTaskDefinitionKey()).map(Step::formKey)
                .orElse(task.getTaskDefinitionKey());
        // the model sets a measure's due date since issue 12 (measureEndsAt); instances of older versions get it here
        if (measureId != null && task.getDueDate() == null) {
            cases.measure(measureId).ifPresent(m -> task.setDueDate(CaseProcess.measureDueAt(m.endDate(), settings.zone())));
        }
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (Step.EMERGENCY_INTERVENTION.elementId().equals(task.getTaskDefinitionKey())) {
            cases.markEmergency(context.caseId());
            reportEmergencyUpward(task, context, now);
        }
        cases.stepOpened(context.caseId(), stepKey, task.getId(), agencies.isEmpty() ? null : agencies.get(0), now, due);
        Optional<Step> step = Step.ofElementId(task.getTaskDefinitionKey());
        Date windowEndsAt = (Date) task.getVariable(Var.WINDOW_ENDS_AT);
        events.publishEvent(new TaskRouted(context.caseId(), task.getExecution().getProcessBusinessKey(),
                context.communeCode(), context.provinceCode(), task.getId(), stepKey, task.getName(),
                List.copyOf(agencies), now, due, measureId,
                step.map(Step::inTwelveHourWindow).orElse(false) ? windowEndsAt.toInstant() : null,
                Boolean.TRUE.equals(task.getVariable(Var.EMERGENCY))));
        markDeadlineWithoutHolidays(task, now, due);
    }

    /**
     * The emergency is reported to the province department (and a legacy record's district labour office) at once,
     * beside the commune's own work: an entry in the case's timeline with the time and whom it was reported to, and
     * {@link EmergencyReported} for its notification.
     */
    private void reportEmergencyUpward(DelegateTask task, CaseContext context, Instant now) {
        UpwardReport.Recipients told = upwardReport.record(context, CaseProcess.EMERGENCY_REPORTED_ENTRY, task.getId(), now);
        events.publishEvent(new EmergencyReported(context.caseId(), task.getExecution().getProcessBusinessKey(),
                context.communeCode(), context.provinceCode(), now, told.province(), told.legacyDistrict()));
    }

    /**
     * A working-day deadline reaching into a year whose holidays nobody configured is computed without them:
     * the work lists show that year beside it until the year is saved (which recalculates it).
     */
    private void markDeadlineWithoutHolidays(DelegateTask task, Instant created, Instant due) {
        UserTask model = task.getBpmnModelElementInstance();
        if (due == null || model == null) {
            return;
        }
        Instant start;
        if (DueDateRecalculation.workingDays(model.getCamundaDueDate()).isPresent()) {
            start = task.getCreateTime() == null ? created : task.getCreateTime().toInstant();
        } else {
            // a deadline held in a variable (the plan's draft) counts from the variable it is computed from
            var deadline = DueDateRecalculation.variableDeadline(model.getCamundaDueDate());
            if (deadline.isEmpty() || !(task.getVariable(deadline.get().getValue().startVariable()) instanceof Date from)) {
                return;
            }
            start = from.toInstant();
        }
        calendar.unconfiguredYearBetween(start, due)
                .ifPresent(year -> events.publishEvent(new TaskDueDateChanged(task.getId(), due, year)));
    }
}
