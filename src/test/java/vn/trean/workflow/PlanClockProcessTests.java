package vn.trean.workflow;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.trean.workflow.CaseProcess.Delegate;
import vn.trean.workflow.CaseProcess.Element;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.delegate.StartPlanClock;

/**
 * Issue 12 items 2 to 5 on {@code bpmn/case_intervention.bpmn}: the plan's 5 + 2 working days counted from the
 * end of verification, amendments (the proposal and its approval, a measure added to the running plan, a measure
 * stopped), the review at the plan's end with measures still open (and only one review), and measures that open on
 * their start date; and after closing, the follow-up of a child in alternative care (item 6). The plan clock is the real delegate on the tests' working-day calendar; the
 * measures' dates are the tests' own, read into each measure's instance as {@code scheduleMeasure} does.
 */
@Deployment(resources = {
        "bpmn/case_intervention.bpmn",
        "bpmn/emergency_criteria.dmn",
        "forms/approve_amendment.form",
        "forms/approve_plan.form",
        "forms/assign_receiving_agency.form",
        "forms/assess_needs.form",
        "forms/close_case.form",
        "forms/confirm_crime_report.form",
        "forms/confirm_early_close.form",
        "forms/decide_separation.form",
        "forms/draft_plan.form",
        "forms/emergency_intervention.form",
        "forms/escalate_breach.form",
        "forms/health_response.form",
        "forms/hold_case_meeting.form",
        "forms/implement_measure.form",
        "forms/monitor_separation.form",
        "forms/police_response.form",
        "forms/propose_amendment.form",
        "forms/record_court_decision.form",
        "forms/record_crime_outcome.form",
        "forms/refer_to_court.form",
        "forms/report_alternative_care.form",
        "forms/review_case.form",
        "forms/separation_limit_reached.form",
        "forms/track_continued_care.form",
        "forms/verify_report.form"})
class PlanClockProcessTests {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessTestEngine.extension();

    /** Monday 1 March 2027, 08:00 in Hà Nội. */
    private static final Date MONDAY_MORNING = at(2027, 3, 1, 8, 0);

    private RuntimeService runtimeService;
    private TaskService taskService;
    private ManagementService managementService;
    private HistoryService historyService;

    /** The measures the next approved plan has, by id: start and end dates. */
    private final Map<String, LocalDate[]> measures = new LinkedHashMap<>();

    private final RecordingDelegate activatePlan = new RecordingDelegate((execution, call) -> {
        execution.setVariable(Var.MEASURE_IDS, new ArrayList<>(measures.keySet()));
        LocalDate planEnd = measures.values().stream().map(dates -> dates[1]).max(Comparator.naturalOrder()).orElseThrow();
        execution.setVariable(Var.PLAN_ENDS_AT, CaseProcess.measureDueAt(planEnd, ProcessTestEngine.ZONE));
    });

    /** What ScheduleMeasure does, with the dates of {@link #measures} instead of the case file's. */
    private final RecordingDelegate scheduleMeasure = new RecordingDelegate((execution, call) -> {
        LocalDate[] dates = measures.get((String) execution.getVariable(Var.MEASURE_ID));
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ProcessTestEngine.ZONE);
        execution.setVariableLocal(Var.MEASURE_STARTS_LATER, dates[0].isAfter(today));
        execution.setVariableLocal(Var.MEASURE_STARTS_AT, CaseProcess.measureOpensAt(dates[0], ProcessTestEngine.ZONE));
        execution.setVariableLocal(Var.MEASURE_ENDS_AT, CaseProcess.measureDueAt(dates[1], ProcessTestEngine.ZONE));
    });

    @BeforeEach
    void setUp() {
        var engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        historyService = engine.getHistoryService();
        for (String name : List.of(Delegate.FORWARD_TO_COMMUNE, Delegate.REMIND_TWELVE_HOUR_WINDOW,
                Delegate.RECORD_TWELVE_HOUR_BREACH, Delegate.CLOSE_CASE, Delegate.REMIND_SEPARATION_LIMIT)) {
            Mocks.register(name, new RecordingDelegate());
        }
        Mocks.register(Delegate.ACTIVATE_PLAN, activatePlan);
        Mocks.register(Delegate.SCHEDULE_MEASURE, scheduleMeasure);
        Mocks.register(Delegate.START_PLAN_CLOCK, new StartPlanClock(ProcessTestEngine.CALENDAR));
        ClockUtil.setCurrentTime(MONDAY_MORNING);
    }

    @AfterEach
    void tearDown() {
        ProcessTestEngine.reset();
        BpmnAwareTests.reset();
    }

    // ------------------------------------------------------------------ item 2: the plan clock

    @Test
    void planIsDueFiveWorkingDaysAfterVerificationAcrossAWeekendAndApprovalTwoWorkingDaysAfterSubmission() {
        Date thursdayAfternoon = at(2027, 3, 4, 15, 0);
        ClockUtil.setCurrentTime(at(2027, 3, 4, 14, 0));
        ProcessInstance process = receiveReport();
        ClockUtil.setCurrentTime(thursdayAfternoon);
        verify(process);

        // Fri 5 (1), the weekend, Mon 8 (2), Tue 9 (3), Wed 10 (4), Thu 11 (5)
        Date draftDue = at(2027, 3, 11, 15, 0);
        then(runtimeService.getVariable(process.getId(), Var.PLAN_CLOCK_STARTS_AT)).isEqualTo(thursdayAfternoon);
        then(runtimeService.getVariable(process.getId(), Var.PLAN_DRAFT_DUE_AT)).isEqualTo(draftDue);
        assertThat(openTask(process, Step.ASSESS_NEEDS)).as("assessment is part of drafting").hasDueDate(draftDue);

        ClockUtil.setCurrentTime(at(2027, 3, 8, 9, 0));
        complete(openTask(process, Step.ASSESS_NEEDS));
        assertThat(openTask(process, Step.HOLD_CASE_MEETING)).as("so is the meeting").hasDueDate(draftDue);
        ClockUtil.setCurrentTime(at(2027, 3, 9, 10, 0));
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "intervention"));
        assertThat(openTask(process, Step.DRAFT_PLAN)).hasDueDate(draftDue);

        // submitted on Thursday 11 at 14:00: Fri 12 (1), the weekend, Mon 15 (2)
        ClockUtil.setCurrentTime(at(2027, 3, 11, 14, 0));
        complete(openTask(process, Step.DRAFT_PLAN));
        assertThat(openTask(process, Step.APPROVE_PLAN)).hasDueDate(at(2027, 3, 15, 14, 0));
    }

    @Test
    void planReturnedForChangesKeepsTheDeadlineOfTheFirstDraft() {
        ProcessInstance process = receiveReport();
        verify(process);
        Date draftDue = at(2027, 3, 8, 8, 0);
        complete(openTask(process, Step.ASSESS_NEEDS));
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "support"));
        complete(openTask(process, Step.DRAFT_PLAN));

        ClockUtil.setCurrentTime(at(2027, 3, 3, 8, 0));
        complete(openTask(process, Step.APPROVE_PLAN), withVariables("planApproved", "no"));

        assertThat(openTask(process, Step.DRAFT_PLAN)).as("the law's 5 days do not restart").hasDueDate(draftDue);
    }

    @Test
    void reviewThatStartsANewCycleRestartsThePlanClock() {
        measures.put("measure-1", new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        ProcessInstance process = approvedPlan();
        completeMeasure(process, "measure-1");

        Date fridayAfternoon = at(2027, 4, 2, 16, 0);
        ClockUtil.setCurrentTime(fridayAfternoon);
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", false, "stateStable", true));

        then(runtimeService.getVariable(process.getId(), Var.PLAN_CLOCK_STARTS_AT)).isEqualTo(fridayAfternoon);
        // Mon 5 (1), Tue 6 (2), Wed 7 (3), Thu 8 (4), Fri 9 (5)
        assertThat(openTask(process, Step.ASSESS_NEEDS)).hasDueDate(at(2027, 4, 9, 16, 0));
    }

    // ------------------------------------------------------------------ item 3: plans change

    @Test
    void anAmendmentIsProposedByTheOfficerAndDecidedByTheChairmanWithinTwoWorkingDays() {
        String measure = UUID.randomUUID().toString();
        measures.put(measure, new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        ProcessInstance process = approvedPlan();

        ClockUtil.setCurrentTime(at(2027, 3, 5, 15, 0));
        runtimeService.createMessageCorrelation(CaseProcess.PLAN_AMENDMENT_REQUESTED_MESSAGE)
                .processInstanceId(process.getId()).correlateWithResult();
        Task proposal = openTask(process, Step.PROPOSE_AMENDMENT);
        assertThat(proposal).hasCandidateGroup("commune-officer");
        then(proposal.getDueDate()).as("the officer opened it: no legal deadline").isNull();
        complete(proposal);

        // submitted on Friday 5 at 15:00: Mon 8 (1), Tue 9 (2)
        assertThat(openTask(process, Step.APPROVE_AMENDMENT)).hasCandidateGroup("commune-chairman")
                .hasDueDate(at(2027, 3, 9, 15, 0));
        complete(openTask(process, Step.APPROVE_AMENDMENT));

        assertThat(process).hasPassed(Element.PLAN_AMENDMENT);
        then(measureTask(process, measure)).as("the measures run on, untouched by the model").isNotNull();
        then(openTasks(process, Step.REVIEW_CASE)).isEmpty();
    }

    @Test
    void aStoppedMeasureEndsAndStoppingTheLastOneOpensTheReview() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        measures.put(first, new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        measures.put(second, new LocalDate[] {LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 31)});
        ProcessInstance process = approvedPlan();
        MeasureInstances instances = measureInstances();

        instances.withdraw(process.getId(), UUID.fromString(first));
        then(measureTask(process, first)).as("its task ended").isNull();
        then(openTasks(process, Step.REVIEW_CASE)).as("the other measure still waits for its start").isEmpty();
        then(timersOf(process)).contains(Element.TIMER_MEASURE_START);

        instances.withdraw(process.getId(), UUID.fromString(second));
        then(timersOf(process)).as("its wait for the start date ended too").doesNotContain(Element.TIMER_MEASURE_START);
        assertThat(process).hasPassed(Element.MEASURE_WITHDRAWN);
        then(openTasks(process, Step.REVIEW_CASE)).as("no measure left: the review opens").hasSize(1);
        then(instances.planRunning(process.getId())).isFalse();
    }

    @Test
    void aMeasureAddedToTheRunningPlanWaitsForItsStartAndTheReviewWaitsForIt() {
        String first = UUID.randomUUID().toString();
        measures.put(first, new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        ProcessInstance process = approvedPlan();
        MeasureInstances instances = measureInstances();
        then(instances.planRunning(process.getId())).isTrue();

        String added = UUID.randomUUID().toString();
        measures.put(added, new LocalDate[] {LocalDate.of(2027, 3, 10), LocalDate.of(2027, 4, 2)});
        instances.add(process.getId(), UUID.fromString(added));
        then(measureTask(process, added)).as("it starts on the 10th").isNull();
        assertThat(timer(process, Element.TIMER_MEASURE_START)).hasDueDate(at(2027, 3, 10, 0, 0));

        completeMeasure(process, first);
        then(openTasks(process, Step.REVIEW_CASE)).as("the added measure is part of the plan").isEmpty();

        ClockUtil.setCurrentTime(at(2027, 3, 10, 0, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_MEASURE_START);
        assertThat(measureTask(process, added)).hasDueDate(at(2027, 4, 2, 17, 0));
        completeMeasure(process, added);
        then(openTasks(process, Step.REVIEW_CASE)).hasSize(1);
    }

    /** The engine side of an approved amendment, on the test engine (no case file: only what needs none). */
    private MeasureInstances measureInstances() {
        return new MeasureInstances(runtimeService, taskService, managementService, null, null,
                new vn.trean.workflow.routing.WorkflowSettings(ProcessTestEngine.ZONE, null), null);
    }

    // ------------------------------------------------------------------ item 4: the review on time

    @Test
    void reviewComesDueAtThePlansEndWithAMeasureStillOpenAndNoSecondReviewWhenItIsDone() {
        measures.put("measure-1", new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10)});
        measures.put("measure-2", new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        ProcessInstance process = approvedPlan();

        assertThat(measureTask(process, "measure-1")).as("due on its end date").hasDueDate(at(2027, 3, 10, 17, 0));
        assertThat(measureTask(process, "measure-2")).hasDueDate(at(2027, 3, 19, 17, 0));
        assertThat(timer(process, Element.TIMER_PLAN_END)).hasDueDate(at(2027, 3, 19, 17, 0));
        completeMeasure(process, "measure-1");
        then(openTasks(process, Step.REVIEW_CASE)).isEmpty();

        ClockUtil.setCurrentTime(at(2027, 3, 19, 17, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_PLAN_END);

        then(openTasks(process, Step.REVIEW_CASE)).as("the review opens at the plan's end").hasSize(1);
        then(measureTask(process, "measure-2")).as("the late measure stays open").isNotNull();
        assertThat(openTask(process, Step.REVIEW_CASE)).hasDueDate(at(2027, 3, 26, 17, 0));

        ClockUtil.setCurrentTime(at(2027, 3, 22, 9, 0));
        completeMeasure(process, "measure-2");

        assertThat(process).hasPassed(Element.MEASURES_DONE_AFTER_REVIEW);
        then(openTasks(process, Step.REVIEW_CASE)).as("no second review").hasSize(1);
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", true, "stateStable", true));

        assertThat(process).hasPassed(Element.PLAN_REVIEWED).isWaitingAtExactly(Step.CLOSE_CASE.elementId());
        then(historyService.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
                .taskDefinitionKey(Step.REVIEW_CASE.elementId()).count()).as("one review in all").isOne();
    }

    @Test
    void reviewDoneWhileAMeasureIsOpenEndsThePlanWithIt() {
        measures.put("measure-1", new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        ProcessInstance process = approvedPlan();
        ClockUtil.setCurrentTime(at(2027, 3, 19, 17, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_PLAN_END);

        ClockUtil.setCurrentTime(at(2027, 3, 22, 9, 0));
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", false, "stateStable", false));

        then(openTasks(process, Step.IMPLEMENT_MEASURE)).as("the plan ended with its review").isEmpty();
        assertThat(process).hasPassed(Element.PLAN_REVIEWED).hasNotPassed(Element.MEASURES_DONE_AFTER_REVIEW)
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        then(timersOf(process)).isEmpty();
    }

    @Test
    void reviewOpensAsSoonAsEveryMeasureIsDoneBeforeThePlansEnd() {
        measures.put("measure-1", new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        measures.put("measure-2", new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)});
        ProcessInstance process = approvedPlan();

        completeMeasure(process, "measure-2");
        completeMeasure(process, "measure-1");

        then(openTasks(process, Step.REVIEW_CASE)).hasSize(1);
        assertThat(process).hasNotPassed(Element.TIMER_PLAN_END);
        then(timersOf(process)).as("the plan's end no longer opens a review").isEmpty();
    }

    // ------------------------------------------------------------------ item 5: measures open when they start

    @Test
    void measureStartingLaterOpensItsTaskOnItsStartDate() {
        measures.put("measure-1", new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)});
        measures.put("measure-2", new LocalDate[] {LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 15)});
        ProcessInstance process = approvedPlan();

        then(openTasks(process, Step.IMPLEMENT_MEASURE)).as("only the measure that has started").hasSize(1);
        then(measureTask(process, "measure-1")).isNotNull();
        assertThat(timer(process, Element.TIMER_MEASURE_START)).hasDueDate(at(2027, 3, 15, 0, 0));

        ClockUtil.setCurrentTime(at(2027, 3, 14, 23, 0));
        then(fireDueTimers(process)).isEmpty();
        ClockUtil.setCurrentTime(at(2027, 3, 15, 0, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_MEASURE_START);

        Task started = measureTask(process, "measure-2");
        then(started).as("opened on its start date").isNotNull();
        assertThat(started).hasDueDate(at(2027, 4, 15, 17, 0)).hasCandidateGroup("plan-measure-owner");
        then(openTasks(process, Step.IMPLEMENT_MEASURE)).hasSize(2);
        assertThat(timer(process, Element.TIMER_PLAN_END)).hasDueDate(at(2027, 4, 15, 17, 0));
    }

    // ------------------------------------------------------------------ item 6: follow-up after closing

    @Test
    void aChildInAlternativeCareIsReportedOnTwiceAYearAndWhenTheCareChangesUntilItEnds() {
        String measure = UUID.randomUUID().toString();
        measures.put(measure, new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        ProcessInstance process = approvedPlan();
        completeMeasure(process, measure);
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", true, "stateStable", true));
        complete(openTask(process, Step.CLOSE_CASE), withVariables(Var.IN_ALTERNATIVE_CARE, true));

        assertThat(process).hasPassed(Step.CLOSE_CASE.elementId()).isActive();
        assertThat(timer(process, Element.TIMER_CARE_REPORT)).as("six months after closing")
                .hasDueDate(at(2027, 9, 1, 8, 0));
        ClockUtil.setCurrentTime(at(2027, 9, 1, 8, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_CARE_REPORT);
        // Thu 2 (1), Fri 3 (2), the weekend, Mon 6 (3), Tue 7 (4), Wed 8 (5)
        assertThat(openTask(process, Step.REPORT_ALTERNATIVE_CARE)).hasCandidateGroup("commune-officer")
                .hasDueDate(at(2027, 9, 8, 8, 0));

        ClockUtil.setCurrentTime(at(2027, 9, 2, 10, 0));
        complete(openTask(process, Step.REPORT_ALTERNATIVE_CARE), withVariables("careContinues", "yes"));
        assertThat(timer(process, Element.TIMER_CARE_REPORT)).as("six months after the last report")
                .hasDueDate(at(2028, 3, 2, 10, 0));
        ClockUtil.setCurrentTime(at(2028, 3, 2, 10, 0));
        then(fireDueTimers(process)).as("the second report of the year").containsExactly(Element.TIMER_CARE_REPORT);
        complete(openTask(process, Step.REPORT_ALTERNATIVE_CARE), withVariables("careContinues", "yes"));

        // the carer moves the child: reported at once, not at the next six months
        ClockUtil.setCurrentTime(at(2028, 5, 10, 9, 0));
        runtimeService.createMessageCorrelation(CaseProcess.CARE_CHANGED_MESSAGE).processInstanceId(process.getId())
                .correlateWithResult();
        then(timersOf(process)).as("the report replaces the wait").isEmpty();
        complete(openTask(process, Step.REPORT_ALTERNATIVE_CARE), withVariables("careContinues", "no"));

        assertThat(process).hasPassed(Element.CARE_FOLLOW_UP_ENDED).isEnded();
        then(historyService.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
                .taskDefinitionKey(Step.REPORT_ALTERNATIVE_CARE.elementId()).count()).isEqualTo(3);
    }

    @Test
    void aChildSafeAtHomeIsNotFollowedAfterClosing() {
        String measure = UUID.randomUUID().toString();
        measures.put(measure, new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 19)});
        ProcessInstance process = approvedPlan();
        completeMeasure(process, measure);
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", true, "stateStable", true));
        complete(openTask(process, Step.CLOSE_CASE), withVariables(Var.IN_ALTERNATIVE_CARE, false));

        assertThat(process).hasNotPassed(Element.CARE_FOLLOW_UP).isEnded();
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance receiveReport() {
        String caseId = UUID.randomUUID().toString();
        Date receivedAt = ClockUtil.getCurrentTime();
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.CASE_ID, caseId);
        variables.put(Var.COMMUNE_CODE, "00004");
        variables.put(Var.PROVINCE_CODE, "01");
        variables.put(Var.RECEIVED_AT, receivedAt);
        variables.put(Var.WINDOW_ENDS_AT, Date.from(receivedAt.toInstant().plusSeconds(12 * 3600)));
        variables.put(Var.WINDOW_REMINDER_AT, Date.from(receivedAt.toInstant().plusSeconds(9 * 3600)));
        variables.put(Var.SEPARATION_NEEDED, false);
        variables.put(Var.RECEIVING_AGENCY_KNOWN, true);
        return runtimeService.startProcessInstanceByKey(CaseProcess.KEY, caseId, variables);
    }

    private void verify(ProcessInstance process) {
        complete(openTask(process, Step.VERIFY_REPORT), withVariables("seriousHarm", false, "perpetratorIsCarer", false,
                "officerDeclaresEmergency", false));
    }

    /** A case received, verified, assessed and planned on Monday 1 March at 08:00, its plan approved then. */
    private ProcessInstance approvedPlan() {
        ProcessInstance process = receiveReport();
        verify(process);
        complete(openTask(process, Step.ASSESS_NEEDS));
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "intervention"));
        complete(openTask(process, Step.DRAFT_PLAN));
        complete(openTask(process, Step.APPROVE_PLAN), withVariables("planApproved", "yes"));
        then(activatePlan.calls()).isEqualTo(1);
        return process;
    }

    private Task openTask(ProcessInstance process, Step step) {
        List<Task> tasks = openTasks(process, step);
        then(tasks).as("open %s tasks", step).hasSize(1);
        return tasks.get(0);
    }

    private List<Task> openTasks(ProcessInstance process, Step step) {
        return taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(step.elementId()).list();
    }

    /** The open task of one measure, or null. */
    private Task measureTask(ProcessInstance process, String measureId) {
        return openTasks(process, Step.IMPLEMENT_MEASURE).stream()
                .filter(task -> measureId.equals(taskService.getVariable(task.getId(), Var.MEASURE_ID)))
                .findFirst().orElse(null);
    }

    private void completeMeasure(ProcessInstance process, String measureId) {
        Task task = measureTask(process, measureId);
        then(task).as("open task of %s", measureId).isNotNull();
        complete(task, withVariables("status", "done"));
    }

    private List<String> fireDueTimers(ProcessInstance process) {
        Date now = ClockUtil.getCurrentTime();
        List<Job> due = managementService.createJobQuery().processInstanceId(process.getId()).timers()
                .duedateLowerThan(new Date(now.getTime() + 1)).orderByJobDuedate().asc().list();
        List<String> fired = new ArrayList<>();
        for (Job job : due) {
            fired.add(activityOf(job));
            execute(job);
        }
        return fired;
    }

    private List<String> timersOf(ProcessInstance process) {
        return managementService.createJobQuery().processInstanceId(process.getId()).timers()
                .orderByJobDuedate().asc().list().stream().map(this::activityOf).toList();
    }

    private Job timer(ProcessInstance process, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(process.getId()).timers()
                .activityId(activityId).singleResult();
        then(job).as("pending timer %s", activityId).isNotNull();
        return job;
    }

    private String activityOf(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult().getActivityId();
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(ProcessTestEngine.ZONE).toInstant());
    }
}
