package vn.trean.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.organisation.Agency;
import vn.trean.workflow.CaseProcess.Element;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.WorkflowEvents.TaskDueDateChanged;
import vn.trean.workflow.WorkflowEvents.TaskRerouted;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.CaseContext;
import vn.trean.workflow.routing.WorkflowSettings;

/**
 * The measures of a running plan as the engine holds them: one instance of {@code sub_measure} per measure, found by
 * its local {@link Var#MEASURE_ID} (the sub-process's input mapping). What an approved amendment does to them
 * ({@link PlanAmendments}): a measure added becomes one more instance of the running multi-instance (process instance
 * modification: the model cannot grow its own collection), a stopped one gets the {@code measureWithdrawn} message
 * (its interrupting event sub-process ends it the model's way, so that the last one stopped opens the review), and new
 * dates move its start timer, its task's deadline and the plan's end timer. Called outside the engine's own
 * execution, once the approval step is completed.
 */
@Component
class MeasureInstances {

    /** The multi-instance body of {@link Element#MEASURE}, as the engine names its activity. */
    static final String MEASURES_BODY = Element.MEASURE + "#multiInstanceBody";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final CaseFiles cases;
    private final AgencyRouter router;
    private final WorkflowSettings settings;
    private final ApplicationEventPublisher events;

    MeasureInstances(RuntimeService runtime, TaskService tasks, ManagementService management, CaseFiles cases,
                     AgencyRouter router, WorkflowSettings settings, ApplicationEventPublisher events) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.cases = cases;
        this.router = router;
        this.settings = settings;
        this.events = events;
    }

    /** Whether the plan's measures are being carried out: their multi-instance body is active. */
    boolean planRunning(String processInstanceId) {
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        return tree != null && tree.getActivityInstances(MEASURES_BODY).length > 0;
    }

    /** One more measure in the running plan: it waits for its start date or opens its task now, as the others did. */
    void add(String processInstanceId, UUID measureId) {
        ActivityInstance body = runtime.getActivityInstance(processInstanceId).getActivityInstances(MEASURES_BODY)[0];
        runtime.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(Element.MEASURE, body.getId())
                .setVariableLocal(Var.MEASURE_ID, measureId.toString())
                .execute();
    }

    /** The measure stops: its task (or its wait for the start date) ends, the way the model says. */
    void withdraw(String processInstanceId, UUID measureId) {
        runtime.createMessageCorrelation(CaseProcess.MEASURE_WITHDRAWN_MESSAGE).processInstanceId(processInstanceId)
                .localVariableEquals(Var.MEASURE_ID, measureId.toString()).correlateWithResult();
    }

    /** New dates: the start timer if the measure still waits for it, else its task's deadline. */
    void reschedule(String processInstanceId, UUID measureId, LocalDate start, LocalDate end) {
        Date opensAt = CaseProcess.measureOpensAt(start, settings.zone());
        Date dueAt = CaseProcess.measureDueAt(end, settings.zone());
        Set<String> executions = executionsOf(processInstanceId, measureId);
        for (String execution : executions) {
            if (runtime.getVariableLocal(execution, Var.MEASURE_ENDS_AT) != null) {
                runtime.setVariableLocal(execution, Var.MEASURE_STARTS_AT, opensAt);
                runtime.setVariableLocal(execution, Var.MEASURE_ENDS_AT, dueAt);
            }
        }
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(Element.TIMER_MEASURE_START).list()) {
            if (executions.contains(timer.getExecutionId())) {
                management.setJobDuedate(timer.getId(), opensAt);
            }
        }
        measureTask(processInstanceId, measureId).ifPresent(task -> {
            task.setDueDate(dueAt);
            tasks.saveTask(task);
            cases.stepDueChanged(task.getId(), dueAt.toInstant());
            events.publishEvent(new TaskDueDateChanged(task.getId(), dueAt.toInstant(), null));
        });
    }

    /** Another agency carries the measure: its open task goes to that agency, which may now read the case. */
    void reroute(String processInstanceId, UUID measureId) {
        Optional<Task> open = measureTask(processInstanceId, measureId);
        if (open.isEmpty()) {
            return; // a measure still waiting for its start date is routed when its task opens
        }
        Task task = open.get();
        var ids = runtime.getVariables(processInstanceId, List.of(Var.CASE_ID, Var.COMMUNE_CODE, Var.PROVINCE_CODE));
        CaseContext context = new CaseContext(UUID.fromString(ids.get(Var.CASE_ID).toString()),
                (String) ids.get(Var.COMMUNE_CODE), (String) ids.get(Var.PROVINCE_CODE));
        Agency to = router.agencyFor(AgencyRouter.PLAN_MEASURE_OWNER, context, measureId);
        for (var link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
            }
        }
        tasks.addCandidateGroup(task.getId(), to.id());
        cases.grantAccess(context.caseId(), to.id());
        cases.stepRerouted(task.getId(), to.id());
        // a claim by someone of the agency that carried it would keep it out of the new agency's list
        if (task.getAssignee() != null) {
            tasks.setAssignee(task.getId(), null);
        }
        events.publishEvent(new TaskRerouted(task.getId(), List.of(to.id())));
    }

    /** The plan's end follows its latest measure: the review opens then at the latest. */
    void movePlanEnd(String processInstanceId, LocalDate end) {
        Date at = CaseProcess.measureDueAt(end, settings.zone());
        runtime.setVariable(processInstanceId, Var.PLAN_ENDS_AT, at);
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(Element.TIMER_PLAN_END).list()) {
            management.setJobDuedate(timer.getId(), at);
        }
    }

    private Set<String> executionsOf(String processInstanceId, UUID measureId) {
        return runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .variableValueEquals(Var.MEASURE_ID, measureId.toString()).list().stream()
                .map(Execution::getId).collect(Collectors.toSet());
    }

    private Optional<Task> measureTask(String processInstanceId, UUID measureId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Step.IMPLEMENT_MEASURE.elementId()).list().stream()
                .filter(t -> measureId.toString().equals(String.valueOf(tasks.getVariable(t.getId(), Var.MEASURE_ID))))
                .findFirst();
    }
}
