package vn.trean.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.trean.casefile.CaseClassifications;
import vn.trean.casefile.CaseFiles;
import vn.trean.identity.CurrentUser;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.StepCompletion;
import vn.trean.workflow.routing.WorkflowSettings;

/** The open tasks of cases, for the people who work them. The only way other modules touch engine tasks. */
@Service
public class CaseTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final FormService forms;
    private final WorkflowSettings settings;
    private final StepEffects effects;
    private final CaseFiles cases;
    private final ReceivingAgencies receivingAgencies;
    private final CaseClassifications classifications;
    private final PlanAmendments amendments;

    CaseTasks(TaskService tasks, RuntimeService runtime, HistoryService history, FormService forms,
              WorkflowSettings settings, StepEffects effects, CaseFiles cases, ReceivingAgencies receivingAgencies,
              CaseClassifications classifications, PlanAmendments amendments) {
        this.amendments = amendments;
        this.receivingAgencies = receivingAgencies;
        this.classifications = classifications;
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.forms = forms;
        this.settings = settings;
        this.effects = effects;
        this.cases = cases;
    }

    public Optional<WorkItem> open(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return task == null ? Optional.empty() : Optional.of(toWorkItems(List.of(task)).get(0));
    }

    /** Whether the task existed and has been completed (as opposed to never having existed). */
    public boolean wasCompleted(String taskId) {
        return history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
    }

    /** The case a finished or open task belongs to, from history. */
    public Optional<UUID> caseOfHistoricTask(String taskId) {
        var task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .variableName(Var.CASE_ID).singleResult();
        return variable == null ? Optional.empty() : Optional.of(UUID.fromString(variable.getValue().toString()));
    }

    /** The steps open on a case now (at most twenty), for telling who has the case after a step is done. */
    public List<WorkItem> openOfCase(UUID caseId) {
        return toWorkItems(tasks.createTaskQuery().processVariableValueEquals(Var.CASE_ID, caseId.toString())
                .orderByTaskCreateTime().asc().listPage(0, 20));
    }

    /** Whether the user may work the task: it is routed to their agency or assigned to them. */
    public boolean isFor(WorkItem item, CurrentUser user) {
        return user.username().equals(item.assignee())
                || (item.assignee() == null && item.candidateGroups().contains(user.agencyId()));
    }

    /** The Camunda Form (form-js JSON) bound to the task. */
    public String formSchema(String taskId) {
        try (InputStream in = forms.getDeployedTaskForm(taskId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the form of task " + taskId, e);
        }
    }

    /** A value a form's select offers, filled in by the server ({@code valuesKey} of form-js). */
    public record FormChoice(String value, String label) {
    }

    /**
     * The choices the server offers for the {@code valuesKey} selects of a task's form, by key: for the
     * province's "assign a receiving agency" step, the agencies in service of its province that may carry
     * a commune's steps. Empty for any other step.
     */
    public Map<String, List<FormChoice>> formChoices(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && Step.PROPOSE_AMENDMENT.elementId().equals(task.getTaskDefinitionKey())) {
            return Map.of(CaseProcess.PLAN_MEASURE_CHOICES, amendments.choices(caseOf(taskId)));
        }
        if (task == null || !Step.ASSIGN_RECEIVING_AGENCY.elementId().equals(task.getTaskDefinitionKey())) {
            return Map.of();
        }
        Object province = tasks.getVariable(taskId, Var.PROVINCE_CODE);
        return Map.of(CaseProcess.RECEIVING_AGENCY_CHOICES, receivingAgencies.choices(String.valueOf(province)).stream()
                .map(c -> new FormChoice(c.value(), c.label())).toList());
    }

    /** The steps whose form shows the case's classification to correct or complete it (issue 10 item 1). */
    private static final java.util.Set<Step> CLASSIFYING_STEPS = java.util.EnumSet.of(Step.VERIFY_REPORT, Step.ASSESS_NEEDS);

    /**
     * The values a task's form opens with, by field key: for verification and assessment, the case's current
     * classification (so that a correction starts from what intake recorded); for the review, the measures still
     * open ({@link CaseProcess#OPEN_MEASURES_FIELD}). Empty for any other step.
     */
    public Map<String, Object> formDefaults(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null && Step.REVIEW_CASE.elementId().equals(task.getTaskDefinitionKey())) {
            return Map.of(CaseProcess.OPEN_MEASURES_FIELD, openMeasures(task.getProcessInstanceId()));
        }
        if (task != null && Step.APPROVE_AMENDMENT.elementId().equals(task.getTaskDefinitionKey())) {
            return amendments.approvalFields(caseOf(taskId));
        }
        if (task == null || Step.ofElementId(task.getTaskDefinitionKey()).filter(CLASSIFYING_STEPS::contains).isEmpty()) {
            return Map.of();
        }
        Object caseId = tasks.getVariable(taskId, Var.CASE_ID);
        return caseId == null ? Map.of() : classifications.of(UUID.fromString(caseId.toString()))
                .map(dimensions -> ClassificationFields.of(dimensions.classification())).orElse(Map.of());
    }

    /**
     * The measures of the plan whose tasks are still open, one line each with its end date, for the review (issue 12
     * item 4): a review at the plan's end sees what is not done, and these tasks end with the review.
     */
    private String openMeasures(String processInstanceId) {
        var endDate = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<String> lines = new ArrayList<>();
        for (Task measureTask : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Step.IMPLEMENT_MEASURE.elementId()).orderByDueDate().asc().list()) {
            Object measureId = tasks.getVariable(measureTask.getId(), Var.MEASURE_ID);
            if (measureId != null) {
                cases.measure(UUID.fromString(measureId.toString())).ifPresent(m ->
                        lines.add("- " + m.description() + " (" + m.endDate().format(endDate) + ")"));
            }
        }
        return lines.isEmpty() ? CaseProcess.NO_OPEN_MEASURES : String.join("\n", lines);
    }

    public void claim(String taskId, String username) {
        tasks.claim(taskId, username);
    }

    public void unclaim(String taskId) {
        tasks.setAssignee(taskId, null);
    }

    /**
     * The one door a case task is completed by: writes what the step records to the case file (its
     * values, and the step's own effects — {@link StepEffects}) and completes the task as
     * {@code username}, in the caller's transaction. Of the validated form values only the decision
     * flags the model reads become process variables. Any other way of completing a case task (the
     * engine's Tasklist, {@code /engine-rest}) is refused by {@link StepCompletion}.
     */
    public void complete(WorkItem item, String username, Map<String, Object> formValues) {
        Task task = tasks.createTaskQuery().taskId(item.taskId()).singleResult();
        Optional<Step> step = Step.ofElementId(task.getTaskDefinitionKey());
        Map<String, Object> recorded = formValues;
        if (step.filter(Step.REVIEW_CASE::equals).isPresent()) {
            // the review ends the plan: it records, as the server sees them, the measures still open then
            recorded = new java.util.LinkedHashMap<>(formValues);
            recorded.put(CaseProcess.OPEN_MEASURES_FIELD, openMeasures(task.getProcessInstanceId()));
        }
        if (step.filter(Step.APPROVE_AMENDMENT::equals).isPresent()) {
            // what the chairman decided on, as the server holds it, and the plan's version an approval makes
            amendments.beforeDecision(item.caseId(), task.getProcessInstanceId(), formValues);
            recorded = new java.util.LinkedHashMap<>(formValues);
            recorded.putAll(amendments.approvalFields(item.caseId()));
            if (!"yes".equals(formValues.get("amendmentApproved"))) {
                recorded.remove(CaseProcess.PLAN_VERSION_FIELD);
            }
        }
        Map<String, Object> values = recorded;
        step.ifPresent(s -> effects.apply(s, item.caseId(), item.measureId(), values, username));
        if (step.filter(Step.PROPOSE_AMENDMENT::equals).isPresent()) {
            amendments.proposed(item.caseId(), item.taskId(), values, username);
        }
        cases.recordStepData(item.taskId(), values);
        if (task.getAssignee() == null) {
            tasks.setAssignee(item.taskId(), username);
        }
        String formKey = step.map(Step::formKey).orElse("");
        StepCompletion.through(item.taskId(),
                () -> tasks.complete(item.taskId(), CaseProcess.variablesOf(formKey, formValues, settings.zone())));
        if (step.filter(Step.APPROVE_AMENDMENT::equals).isPresent()) {
            // applied once the engine left the step: the plan's measures are then modified from outside its execution
            amendments.decided(item.caseId(), task.getProcessInstanceId(), item.taskId(), formValues, username);
        }
    }

    private UUID caseOf(String taskId) {
        return UUID.fromString(String.valueOf(tasks.getVariable(taskId, Var.CASE_ID)));
    }

    private List<WorkItem> toWorkItems(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, ProcessInstance> instances = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
        List<WorkItem> items = new ArrayList<>(found.size());
        for (Task task : found) {
            Map<String, Object> vars = tasks.getVariables(task.getId(), List.of(Var.CASE_ID, Var.MEASURE_ID));
            Object caseId = vars.get(Var.CASE_ID);
            Object measureId = vars.get(Var.MEASURE_ID);
            Optional<Step> step = Step.ofElementId(task.getTaskDefinitionKey());
            ProcessInstance instance = instances.get(task.getProcessInstanceId());
            items.add(new WorkItem(task.getId(), step.map(Step::formKey).orElse(task.getTaskDefinitionKey()),
                    task.getName(), caseId == null ? null : UUID.fromString(caseId.toString()),
                    instance == null ? null : instance.getBusinessKey(),
                    task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getAssignee(), candidateGroups(task.getId()),
                    measureId == null ? null : UUID.fromString(measureId.toString()),
                    step.map(Step::inTwelveHourWindow).orElse(false)));
        }
        return items;
    }

    private List<String> candidateGroups(String taskId) {
        Collection<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
        return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
