package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.trean.workflow.CaseProcess.Delegate;
import vn.trean.workflow.CaseProcess.Element;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;

/**
 * A separation monitored under a model version without the 2-day reminder (before the reminder timers) has no
 * {@link Var#SEPARATION_REMINDER_AT}. Migrated to the current version by the models page's migration
 * ({@link ProcessModels#migrate}), it gets the date from its {@link Var#SEPARATION_ENDS_AT} and its reminder on
 * day 13. The older version is the shipped model without its two reminder timers.
 */
@Deployment(resources = "bpmn/case_intervention.bpmn")
class SeparationReminderProcessTests {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessTestEngine.extension();

    /** Decided on Monday 1 March 2027: the 15 days end on the 16th, the reminder is due on the 14th. */
    private static final Date DECIDED = at(2027, 3, 1, 0, 0);
    private static final Date ENDS = at(2027, 3, 16, 0, 0);
    private static final Date REMINDER = at(2027, 3, 14, 0, 0);

    private RepositoryService repository;
    private RuntimeService runtime;
    private ManagementService management;
    private ProcessModels models;
    private final RecordingDelegate remindSeparationLimit = new RecordingDelegate();
    private final List<String> olderDeployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        repository = engine.getRepositoryService();
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        // the model rules and the version list (its two last arguments) take no part in a migration
        models = new ProcessModels(repository, runtime, management, null, null,
                new SeparationReminders(runtime, engine.getTaskService()));
        Mocks.register(Delegate.REMIND_SEPARATION_LIMIT, remindSeparationLimit);
        ClockUtil.setCurrentTime(DECIDED);
    }

    @AfterEach
    void tearDown() {
        management.createBatchQuery().list().forEach(b -> management.deleteBatch(b.getId(), true));
        olderDeployments.forEach(id -> repository.deleteDeployment(id, true));
        ProcessTestEngine.reset();
        BpmnAwareTests.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "task_monitor_separation, timer_window_separation_reminder",
            "task_monitor_later_separation, timer_separation_reminder"})
    void aSeparationMonitoredUnderAVersionWithoutTheReminderIsRemindedOnDayThirteenAfterMigration(String monitor,
                                                                                                   String reminder) {
        String older = deployVersionWithoutReminders();
        ProcessInstance process = monitoredSeparation(older, monitor);
        then(runtime.getVariable(process.getId(), Var.SEPARATION_REMINDER_AT)).isNull();

        runBatch(models.migrate(older, currentVersion(), List.of(process.getId())).batchId());

        then(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(currentVersion());
        then(runtime.getVariable(process.getId(), Var.SEPARATION_REMINDER_AT)).isEqualTo(REMINDER);
        then(timer(process, reminder).getDuedate()).isEqualTo(REMINDER);
        then(timer(process, monitor.equals(Step.MONITOR_SEPARATION.elementId())
                ? Element.TIMER_SEPARATION : Element.TIMER_LATER_SEPARATION).getDuedate()).isEqualTo(ENDS);

        ClockUtil.setCurrentTime(new Date(REMINDER.getTime() - 60_000));
        then(fireDueTimers(process)).as("nothing is due before day 13").isEmpty();
        ClockUtil.setCurrentTime(REMINDER);
        then(fireDueTimers(process)).containsExactly(reminder);
        then(remindSeparationLimit.calls()).isEqualTo(1);
        assertThat(process).isWaitingAt(monitor);
    }

    @Test
    void withoutTheReminderDateTheEngineCannotMoveSuchASeparation() {
        String older = deployVersionWithoutReminders();
        ProcessInstance process = monitoredSeparation(older, Step.MONITOR_SEPARATION.elementId());

        assertThatThrownBy(() -> runtime.newMigration(runtime.createMigrationPlan(older, currentVersion())
                        .mapEqualActivities().build()).processInstanceIds(process.getId()).execute())
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(Var.SEPARATION_REMINDER_AT);
        then(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(older);
    }

    @Test
    void aSeparationThatHasItsReminderDateKeepsIt() {
        Date earlier = at(2027, 3, 10, 0, 0);
        ProcessInstance process = runtime.createProcessInstanceById(currentVersion())
                .startBeforeActivity(Step.MONITOR_SEPARATION.elementId())
                .setVariables(caseVariables()).setVariable(Var.SEPARATION_REMINDER_AT, earlier).execute();

        then(new SeparationReminders(runtime, extension.getProcessEngine().getTaskService())
                .addMissing(List.of(process.getId()))).isEmpty();
        then(runtime.getVariable(process.getId(), Var.SEPARATION_REMINDER_AT)).isEqualTo(earlier);
    }

    // ------------------------------------------------------------------ helpers

    /** A case waiting at a monitoring step of the older version, its separation decided on {@link #DECIDED}. */
    private ProcessInstance monitoredSeparation(String definitionId, String monitor) {
        ProcessInstance process = runtime.createProcessInstanceById(definitionId).startBeforeActivity(monitor)
                .setVariables(caseVariables()).execute();
        assertThat(process).isWaitingAt(monitor);
        return process;
    }

    private static Map<String, Object> caseVariables() {
        String caseId = UUID.randomUUID().toString();
        return Map.of(Var.CASE_ID, caseId, Var.COMMUNE_CODE, "00004", Var.PROVINCE_CODE, "01",
                Var.SEPARATION_NEEDED, true, Var.SEPARATION_ENDS_AT, ENDS);
    }

    private String currentVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(CaseProcess.KEY)
                .deploymentId(extension.getDeploymentId()).singleResult().getId();
    }

    /** The shipped model without the reminder timers (and what they lead to), deployed as another version. */
    private String deployVersionWithoutReminders() {
        BpmnModelInstance model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/case_intervention.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String timer : List.of(Element.TIMER_WINDOW_SEPARATION_REMINDER, Element.TIMER_SEPARATION_REMINDER)) {
            FlowNode node = model.getModelElementById(timer);
            while (node != null) {
                SequenceFlow out = node.getOutgoing().stream().findFirst().orElse(null);
                remove(model, node);
                node = null;
                if (out != null) {
                    node = out.getTarget();
                    remove(model, out);
                }
            }
        }
        var deployment = repository.createDeployment().name("before the separation reminders")
                .addModelInstance("case_intervention.bpmn", model).deployWithResult();
        olderDeployments.add(deployment.getId());
        return deployment.getDeployedProcessDefinitions().get(0).getId();
    }

    private static void remove(BpmnModelInstance model, BaseElement element) {
        model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnElement() == element).toList()
                .forEach(s -> s.getParentElement().removeChildElement(s));
        model.getModelElementsByType(BpmnEdge.class).stream().filter(e -> e.getBpmnElement() == element).toList()
                .forEach(e -> e.getParentElement().removeChildElement(e));
        element.getParentElement().removeChildElement(element);
    }

    /** The migration batch's jobs, as the job executor would run them: the seed job, then the jobs it creates. */
    private void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
            management.createJobQuery().jobDefinitionId(definition).list().forEach(j -> management.executeJob(j.getId()));
        }
    }

    private List<String> fireDueTimers(ProcessInstance process) {
        List<Job> due = management.createJobQuery().processInstanceId(process.getId()).timers()
                .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).orderByJobDuedate().asc().list();
        List<String> fired = new ArrayList<>();
        for (Job job : due) {
            fired.add(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                    .getActivityId());
            execute(job);
        }
        return fired;
    }

    private Job timer(ProcessInstance process, String activityId) {
        Job job = management.createJobQuery().processInstanceId(process.getId()).timers().activityId(activityId)
                .singleResult();
        then(job).as("pending timer %s", activityId).isNotNull();
        return job;
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(ProcessTestEngine.ZONE).toInstant());
    }
}
