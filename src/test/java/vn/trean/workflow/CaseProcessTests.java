package vn.trean.workflow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
 * Every path, gateway branch and timer of {@code bpmn/case_intervention.bpmn}, on the shared PostgreSQL-backed
 * engine. Time moves only with the engine clock; due timers are then executed explicitly.
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
class CaseProcessTests {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessTestEngine.extension();

    /** Who is offered each step, as the model names the roles. */
    private static final Map<Step, Set<String>> OFFERED_TO = offeredTo();

    /** Monday 1 March 2027, 08:00 in Hà Nội: an ordinary working week. */
    private static final Date MONDAY_MORNING = at(2027, 3, 1, 8, 0);

    private static final String COMMUNE = "00004";
    private static final String PROVINCE = "01";

    private ProcessEngine engine;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private ManagementService managementService;
    private HistoryService historyService;

    private final RecordingDelegate forwardToCommune = new RecordingDelegate();
    private final RecordingDelegate remindTwelveHourWindow = new RecordingDelegate();
    private final RecordingDelegate recordTwelveHourBreach = new RecordingDelegate();
    private final RecordingDelegate activatePlan = new RecordingDelegate((execution, call) -> {
        execution.setVariable(Var.MEASURE_IDS,
                new ArrayList<>(List.of("measure-" + (2 * call - 1), "measure-" + (2 * call))));
        execution.setVariable(Var.PLAN_ENDS_AT, plusDays(ClockUtil.getCurrentTime(), 30));
    });
    /** Every measure of these tests starts today and ends in 30 days (PlanClockProcessTests varies them). */
    private final RecordingDelegate scheduleMeasure = new RecordingDelegate((execution, call) -> {
        execution.setVariableLocal(Var.MEASURE_STARTS_LATER, false);
        execution.setVariableLocal(Var.MEASURE_STARTS_AT, ClockUtil.getCurrentTime());
        execution.setVariableLocal(Var.MEASURE_ENDS_AT, plusDays(ClockUtil.getCurrentTime(), 30));
    });
    private final RecordingDelegate closeCase = new RecordingDelegate();
    private final RecordingDelegate remindSeparationLimit = new RecordingDelegate();

    private String caseId;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        historyService = engine.getHistoryService();
        Mocks.register(Delegate.FORWARD_TO_COMMUNE, forwardToCommune);
        Mocks.register(Delegate.REMIND_TWELVE_HOUR_WINDOW, remindTwelveHourWindow);
        Mocks.register(Delegate.RECORD_TWELVE_HOUR_BREACH, recordTwelveHourBreach);
        Mocks.register(Delegate.ACTIVATE_PLAN, activatePlan);
        Mocks.register(Delegate.CLOSE_CASE, closeCase);
        Mocks.register(Delegate.REMIND_SEPARATION_LIMIT, remindSeparationLimit);
        Mocks.register(Delegate.START_PLAN_CLOCK, new vn.trean.workflow.delegate.StartPlanClock(ProcessTestEngine.CALENDAR));
        Mocks.register(Delegate.SCHEDULE_MEASURE, scheduleMeasure);
        ClockUtil.setCurrentTime(MONDAY_MORNING);
    }

    @AfterEach
    void tearDown() {
        ProcessTestEngine.reset();
        BpmnAwareTests.reset();
    }

    // ------------------------------------------------------------------ receipt and the 12-hour window

    @Test
    void reportIsForwardedToTheCommuneAndVerificationIsDueWhenTheTwelveHoursEnd() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);

        assertThat(process).isActive().hasPassed(Element.START, Element.FORWARD_TO_COMMUNE)
                .isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.VERIFY_REPORT.elementId());
        then(forwardToCommune.calls()).isEqualTo(1);
        then(forwardToCommune.caseIds()).containsExactly(caseId);
        then(runtimeService.getVariable(process.getId(), Var.COMMUNE_CODE)).isEqualTo(COMMUNE);

        Task verify = openTask(process, Step.VERIFY_REPORT);
        assertThat(verify).hasDueDate(plusHours(MONDAY_MORNING, 12)).isNotAssigned();
        assertThat(timer(process, Element.TIMER_REMINDER)).hasDueDate(plusHours(MONDAY_MORNING, 9));
        assertThat(timer(process, Element.TIMER_WINDOW)).hasDueDate(plusHours(MONDAY_MORNING, 12));
        then(remindTwelveHourWindow.calls()).isZero();
        then(recordTwelveHourBreach.calls()).isZero();
    }

    @Test
    void reportOfACommuneWithoutAReceivingAgencyGoesToTheProvinceFirstThenToVerification() {
        ProcessInstance process = receiveReport(MONDAY_MORNING, false);

        assertThat(process).hasPassed(Element.FORWARD_TO_COMMUNE, Element.GATEWAY_RECEIVING_AGENCY)
                .isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.ASSIGN_RECEIVING_AGENCY.elementId());
        Task assign = openTask(process, Step.ASSIGN_RECEIVING_AGENCY);
        assertThat(assign).hasDueDate(plusHours(MONDAY_MORNING, 12)).isNotAssigned();

        complete(assign);

        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.VERIFY_REPORT.elementId());
        assertThat(openTask(process, Step.VERIFY_REPORT)).hasDueDate(plusHours(MONDAY_MORNING, 12));
    }

    @Test
    void theTwelveHoursRunFromReceiptWhileTheProvinceAssignsAReceivingAgency() {
        ProcessInstance process = receiveReport(MONDAY_MORNING, false);
        assertThat(timer(process, Element.TIMER_WINDOW)).hasDueDate(plusHours(MONDAY_MORNING, 12));

        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 12));
        then(fireDueTimers(process)).containsExactlyInAnyOrder(Element.TIMER_REMINDER, Element.TIMER_WINDOW);

        then(recordTwelveHourBreach.calls()).isEqualTo(1);
        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW,
                Step.ASSIGN_RECEIVING_AGENCY.elementId(), Step.ESCALATE_BREACH.elementId());
    }

    @Test
    void caseWithoutEmergencyIsAssessedAndClosedWhenTheMeetingChoosesPrevention() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);

        verify(process, false, false, false);

        assertThat(process).hasPassed(Element.EMERGENCY_DECISION, "event_window_closed")
                .hasNotPassed(Step.EMERGENCY_INTERVENTION.elementId())
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        then(runtimeService.getVariable(process.getId(), Var.EMERGENCY)).isEqualTo(false);

        complete(openTask(process, Step.ASSESS_NEEDS));
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "prevention"));

        assertThat(process).hasPassed(Element.ARCHIVE_CASE, Element.CASE_CLOSED)
                .hasNotPassed(Step.DRAFT_PLAN.elementId(), Step.MONITOR_SEPARATION.elementId())
                .isEnded();
        then(closeCase.calls()).isEqualTo(1);
        then(closeCase.caseIds()).containsExactly(caseId);
        then(activatePlan.calls()).isZero();
        then(endEventsReached(process)).containsExactlyInAnyOrder("event_window_closed", Element.CASE_CLOSED);
    }

    // ------------------------------------------------------------------ unfounded reports close early (issue 9 item 3)

    @Test
    void unfoundedReportClosesWhenTheChairmanConfirmsWithoutAssessmentOrMeeting() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);

        proposeToCloseAsUnfounded(process);

        assertThat(process).hasPassed(Element.EMERGENCY_DECISION, "event_window_closed")
                .isWaitingAtExactly(Step.CONFIRM_EARLY_CLOSE.elementId());
        then(timersOf(process)).as("verification ended the 12-hour window").isEmpty();
        // Monday 08:00 plus two working days
        assertThat(openTask(process, Step.CONFIRM_EARLY_CLOSE)).hasDueDate(at(2027, 3, 3, 8, 0));

        complete(openTask(process, Step.CONFIRM_EARLY_CLOSE),
                withVariables(Var.EARLY_CLOSE_DECISION, CaseProcess.UnfoundedReport.CONFIRM));

        assertThat(process).hasPassed(Element.GATEWAY_EARLY_CLOSE, Element.ARCHIVE_CASE, Element.CASE_CLOSED)
                .hasNotPassed(Step.ASSESS_NEEDS.elementId(), Step.HOLD_CASE_MEETING.elementId(),
                        Step.EMERGENCY_INTERVENTION.elementId())
                .isEnded();
        then(closeCase.calls()).isEqualTo(1);
        then(closeCase.caseIds()).containsExactly(caseId);
        then(endEventsReached(process)).containsExactlyInAnyOrder("event_window_closed", Element.CASE_CLOSED);
    }

    @Test
    void unfoundedReportSentBackByTheChairmanGoesOnToTheNeedsAssessment() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        proposeToCloseAsUnfounded(process);

        complete(openTask(process, Step.CONFIRM_EARLY_CLOSE),
                withVariables(Var.EARLY_CLOSE_DECISION, CaseProcess.UnfoundedReport.RETURN));

        assertThat(process).hasPassed(Element.GATEWAY_EARLY_CLOSE).hasNotPassed(Element.ARCHIVE_CASE)
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        then(closeCase.calls()).isZero();

        complete(openTask(process, Step.ASSESS_NEEDS));
        assertThat(process).isWaitingAtExactly(Step.HOLD_CASE_MEETING.elementId());
    }

    @Test
    void verificationWithoutAClosingProposalGoesToTheNeedsAssessmentAsBefore() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        complete(openTask(process, Step.VERIFY_REPORT), withVariables("seriousHarm", false, "perpetratorIsCarer", false,
                "officerDeclaresEmergency", false, Var.UNFOUNDED_PROPOSED, false));

        assertThat(process).hasNotPassed(Step.CONFIRM_EARLY_CLOSE.elementId())
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
    }

    @ParameterizedTest(name = "seriousHarm={0}, perpetratorIsCarer={1}, officerDeclaresEmergency={2}")
    @CsvSource({"true, false, false", "false, true, false", "false, false, true"})
    void eachEmergencyCriterionLeadsToEmergencyInterventionAndWithoutSeparationToAssessment(
            boolean seriousHarm, boolean perpetratorIsCarer, boolean officerDeclaresEmergency) {
        ProcessInstance process = receiveReport(MONDAY_MORNING);

        verify(process, seriousHarm, perpetratorIsCarer, officerDeclaresEmergency);

        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.EMERGENCY_INTERVENTION.elementId());
        then(runtimeService.getVariable(process.getId(), Var.EMERGENCY)).isEqualTo(true);
        Task intervention = openTask(process, Step.EMERGENCY_INTERVENTION);
        assertThat(intervention).hasDueDate(plusHours(MONDAY_MORNING, 12));

        complete(intervention, withVariables(Var.SEPARATION_NEEDED, false));
        draftEmergencyPlan(process);

        assertThat(process).hasPassed("event_window_closed")
                .hasNotPassed(Step.DECIDE_SEPARATION.elementId())
                .isWaitingAtExactly(Step.APPROVE_EMERGENCY_PLAN.elementId());
        then(timersOf(process)).isEmpty();
    }

    @Test
    void separatedChildIsMonitoredBesideTheAssessmentOnceTheWindowCloses() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, true, true, false);
        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, true));

        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.DECIDE_SEPARATION.elementId());
        assertThat(openTask(process, Step.DECIDE_SEPARATION)).hasDueDate(plusHours(MONDAY_MORNING, 12));
        complete(openTask(process, Step.DECIDE_SEPARATION), withVariables(Var.SEPARATION_ENDS_AT,
                plusDays(MONDAY_MORNING, 15), Var.SEPARATION_REMINDER_AT, plusDays(MONDAY_MORNING, 13)));
        draftEmergencyPlan(process);

        assertThat(process).hasPassed("event_window_closed")
                .isWaitingAtExactly(Step.MONITOR_SEPARATION.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
        assertThat(openTask(process, Step.MONITOR_SEPARATION)).hasDueDate(plusDays(MONDAY_MORNING, 15));
        assertThat(timer(process, Element.TIMER_SEPARATION)).hasDueDate(plusDays(MONDAY_MORNING, 15));
        assertThat(timer(process, Element.TIMER_WINDOW_SEPARATION_REMINDER)).hasDueDate(plusDays(MONDAY_MORNING, 13));

        complete(openTask(process, Step.MONITOR_SEPARATION));

        assertThat(process).hasPassed(Element.SEPARATION_ENDED)
                .isWaitingAtExactly(Step.APPROVE_EMERGENCY_PLAN.elementId());
        then(timersOf(process)).isEmpty();
    }

    @Test
    void separationReachingFifteenDaysIsDecidedAndReferredToCourt() {
        ProcessInstance process = separatedChild();

        ClockUtil.setCurrentTime(minus(plusDays(MONDAY_MORNING, 13), Duration.ofMinutes(1)));
        then(fireDueTimers(process)).as("nothing is due before the reminder").isEmpty();
        ClockUtil.setCurrentTime(plusDays(MONDAY_MORNING, 13));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_WINDOW_SEPARATION_REMINDER);
        then(remindSeparationLimit.calls()).as("the officer and chairman are reminded 2 days before").isEqualTo(1);
        ClockUtil.setCurrentTime(minus(plusDays(MONDAY_MORNING, 15), Duration.ofMinutes(1)));
        then(fireDueTimers(process)).as("nothing is due a minute before the 15 days").isEmpty();

        Date fifteenDaysLater = plusDays(MONDAY_MORNING, 15);
        ClockUtil.setCurrentTime(fifteenDaysLater);
        then(fireDueTimers(process)).containsExactly(Element.TIMER_SEPARATION);

        assertThat(process).hasPassed(Element.TIMER_SEPARATION)
                .isWaitingAtExactly(Step.SEPARATION_LIMIT_REACHED.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
        Task limitReached = openTask(process, Step.SEPARATION_LIMIT_REACHED);
        assertThat(limitReached).hasDueDate(plusHours(fifteenDaysLater, 24));

        complete(limitReached, withVariables("separationOutcome", "court_referral"));

        assertThat(process).isWaitingAtExactly(Step.REFER_TO_COURT.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
        // Tuesday 16 March 2027 plus five working days
        assertThat(openTask(process, Step.REFER_TO_COURT)).hasDueDate(at(2027, 3, 23, 8, 0));
        complete(openTask(process, Step.REFER_TO_COURT));

        assertThat(process).isWaitingAtExactly(Step.RECORD_WINDOW_COURT_DECISION.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
        complete(openTask(process, Step.RECORD_WINDOW_COURT_DECISION), withVariables(Var.COURT_DECISION,
                "restrict_parental_rights", Var.CARE_ENDS_AT, at(2027, 9, 1, 0, 0)));
        assertThat(process).isWaitingAtExactly(Step.TRACK_WINDOW_CONTINUED_CARE.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
        assertThat(openTask(process, Step.TRACK_WINDOW_CONTINUED_CARE)).hasDueDate(at(2027, 9, 1, 0, 0));
        complete(openTask(process, Step.TRACK_WINDOW_CONTINUED_CARE));

        assertThat(process).hasPassed(Element.SEPARATION_COURT_REFERRED)
                .hasNotPassed(Element.SEPARATION_ENDED, Element.SEPARATION_RETURNED_HOME)
                .isWaitingAtExactly(Step.APPROVE_EMERGENCY_PLAN.elementId());
    }

    @Test
    void separationReachingFifteenDaysCanEndWithTheChildReturningHome() {
        ProcessInstance process = separatedChild();

        ClockUtil.setCurrentTime(plusDays(MONDAY_MORNING, 15));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_WINDOW_SEPARATION_REMINDER, Element.TIMER_SEPARATION);
        complete(openTask(process, Step.SEPARATION_LIMIT_REACHED), withVariables("separationOutcome", "return_home"));

        assertThat(process).hasPassed(Element.SEPARATION_RETURNED_HOME)
                .hasNotPassed(Step.REFER_TO_COURT.elementId(), Element.SEPARATION_ENDED)
                .isWaitingAtExactly(Step.APPROVE_EMERGENCY_PLAN.elementId());
        then(timersOf(process)).isEmpty();
    }

    @Test
    void reminderIsSentNineHoursAfterReceiptWhileVerificationIsOpen() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);

        ClockUtil.setCurrentTime(minus(plusHours(MONDAY_MORNING, 9), Duration.ofSeconds(1)));
        then(fireDueTimers(process)).as("nothing is due before nine hours").isEmpty();

        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 9));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_REMINDER);

        then(remindTwelveHourWindow.calls()).isEqualTo(1);
        then(remindTwelveHourWindow.caseIds()).containsExactly(caseId);
        then(recordTwelveHourBreach.calls()).isZero();
        assertThat(process).hasPassed(Element.SEND_REMINDER, Element.REMINDER_SENT)
                .isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.VERIFY_REPORT.elementId());
        openTask(process, Step.VERIFY_REPORT);
        then(timersOf(process)).containsExactly(Element.TIMER_WINDOW);
        assertThat(timer(process, Element.TIMER_WINDOW)).hasDueDate(plusHours(MONDAY_MORNING, 12));
    }

    @Test
    void breachIsRecordedAndEscalatedWhenTwelveHoursPass() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 9));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_REMINDER);

        Date twelveHoursLater = plusHours(MONDAY_MORNING, 12);
        ClockUtil.setCurrentTime(twelveHoursLater);
        then(fireDueTimers(process)).containsExactly(Element.TIMER_WINDOW);

        then(recordTwelveHourBreach.calls()).isEqualTo(1);
        then(recordTwelveHourBreach.caseIds()).containsExactly(caseId);
        then(remindTwelveHourWindow.calls()).isEqualTo(1);
        assertThat(process).hasPassed(Element.RECORD_BREACH).isWaitingAtExactly(
                Element.TWELVE_HOUR_WINDOW, Step.VERIFY_REPORT.elementId(), Step.ESCALATE_BREACH.elementId());
        Task escalation = openTask(process, Step.ESCALATE_BREACH);
        // Monday 20:00 plus one working day
        assertThat(escalation).hasDueDate(at(2027, 3, 2, 20, 0));
        Task verification = openTask(process, Step.VERIFY_REPORT);
        assertThat(verification).hasDueDate(twelveHoursLater).isNotAssigned();
        then(timersOf(process)).isEmpty();

        complete(escalation, withVariables("breachReason", "officer unreachable"));

        assertThat(process).hasPassed(Element.BREACH_HANDLED).isNotEnded()
                .isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.VERIFY_REPORT.elementId());

        verify(process, false, false, false);
        assertThat(process).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        then(recordTwelveHourBreach.calls()).isEqualTo(1);
    }

    @Test
    void breachIsEscalatedWhileTheEmergencyInterventionIsStillOpen() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, false, false, true);

        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 12));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_REMINDER, Element.TIMER_WINDOW);

        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW,
                Step.EMERGENCY_INTERVENTION.elementId(), Step.ESCALATE_BREACH.elementId());
        then(recordTwelveHourBreach.calls()).isEqualTo(1);

        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, false));
        draftEmergencyPlan(process);
        assertThat(process).isWaitingAtExactly(Step.ESCALATE_BREACH.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
    }

    @Test
    void reportReceivedThirteenHoursAgoIsRemindedAndEscalatedAtOnce() {
        Date receivedAt = plusHours(MONDAY_MORNING, -13);

        ProcessInstance process = receiveReport(receivedAt);

        then(fireDueTimers(process)).containsExactly(Element.TIMER_REMINDER, Element.TIMER_WINDOW);
        then(remindTwelveHourWindow.calls()).isEqualTo(1);
        then(recordTwelveHourBreach.calls()).isEqualTo(1);
        assertThat(process).isWaitingAtExactly(
                Element.TWELVE_HOUR_WINDOW, Step.VERIFY_REPORT.elementId(), Step.ESCALATE_BREACH.elementId());
        assertThat(openTask(process, Step.VERIFY_REPORT)).hasDueDate(plusHours(receivedAt, 12));
        then(timersOf(process)).isEmpty();
    }

    @Test
    void finishingTheWindowInTimeCancelsBothTimers() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        then(timersOf(process)).containsExactlyInAnyOrder(Element.TIMER_REMINDER, Element.TIMER_WINDOW);

        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 2));
        verify(process, false, false, false);

        then(timersOf(process)).isEmpty();
        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 13));
        then(fireDueTimers(process)).isEmpty();
        then(remindTwelveHourWindow.calls()).isZero();
        then(recordTwelveHourBreach.calls()).isZero();
        assertThat(process).hasNotPassed(Element.SEND_REMINDER, Element.RECORD_BREACH)
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
    }

    // ------------------------------------------------------------------ police and health in the 12 hours

    @Test
    void policeAndHealthNamedInTheEmergencyEachGetTheirOwnStepDueWhenTheTwelveHoursEnd() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, true, false, false);

        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, false,
                Var.POLICE_NAMED, true, Var.HEALTH_NAMED, true));

        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.POLICE_RESPONSE.elementId(),
                Step.HEALTH_RESPONSE.elementId(), Step.DRAFT_EMERGENCY_PLAN.elementId());
        draftEmergencyPlan(process);
        assertThat(openTask(process, Step.POLICE_RESPONSE)).hasDueDate(plusHours(MONDAY_MORNING, 12));
        assertThat(openTask(process, Step.HEALTH_RESPONSE)).hasDueDate(plusHours(MONDAY_MORNING, 12));
        then(timersOf(process)).containsExactlyInAnyOrder(Element.TIMER_REMINDER, Element.TIMER_WINDOW);

        complete(openTask(process, Step.POLICE_RESPONSE));
        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.HEALTH_RESPONSE.elementId(),
                Element.GATEWAY_AGENCIES_JOIN);
        complete(openTask(process, Step.HEALTH_RESPONSE));

        assertThat(process).hasPassed("event_window_closed").isWaitingAtExactly(Step.APPROVE_EMERGENCY_PLAN.elementId());
        then(timersOf(process)).isEmpty();
        then(recordTwelveHourBreach.calls()).isZero();
    }

    @Test
    void policeNamedAtVerificationAloneGetsItsStepWithoutAnEmergency() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);

        complete(openTask(process, Step.VERIFY_REPORT), withVariables("seriousHarm", false,
                "perpetratorIsCarer", false, "officerDeclaresEmergency", false, Var.POLICE_NAMED, true));

        assertThat(process).hasNotPassed(Step.EMERGENCY_INTERVENTION.elementId())
                .isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.POLICE_RESPONSE.elementId());
        then(openTasks(process, Step.HEALTH_RESPONSE)).isEmpty();
    }

    @Test
    void noPoliceOrHealthStepIsOpenedWhenNeitherIsNamed() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, true, false, false);

        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, false,
                Var.POLICE_NAMED, false));
        draftEmergencyPlan(process);

        assertThat(process).hasPassed("event_window_closed")
                .hasNotPassed(Step.POLICE_RESPONSE.elementId(), Step.HEALTH_RESPONSE.elementId())
                .isWaitingAtExactly(Step.APPROVE_EMERGENCY_PLAN.elementId());
    }

    @Test
    void policeStepLeftOpenWhenTheTwelveHoursEndIsABreachAndStaysWithThePolice() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, true, false, false);
        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, false,
                Var.POLICE_NAMED, true, Var.HEALTH_NAMED, true));
        complete(openTask(process, Step.HEALTH_RESPONSE));
        draftEmergencyPlan(process);

        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 12));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_REMINDER, Element.TIMER_WINDOW);

        then(recordTwelveHourBreach.calls()).isEqualTo(1);
        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW,
                Step.POLICE_RESPONSE.elementId(), Element.GATEWAY_AGENCIES_JOIN, Step.ESCALATE_BREACH.elementId());
        complete(openTask(process, Step.POLICE_RESPONSE));
        assertThat(process).isWaitingAtExactly(Step.ESCALATE_BREACH.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
    }

    @Test
    void checklistsOfVerificationAndEmergencyNameTheAgenciesAndNeverTakeANameBack() {
        then(CaseProcess.variablesOf(Step.VERIFY_REPORT.formKey(),
                Map.of("verifiedWith", List.of("police", "education")), ProcessTestEngine.ZONE))
                .containsEntry(Var.POLICE_NAMED, true).doesNotContainKey(Var.HEALTH_NAMED);
        then(CaseProcess.variablesOf(Step.EMERGENCY_INTERVENTION.formKey(),
                Map.of("agenciesInvolved", List.of("health")), ProcessTestEngine.ZONE))
                .containsEntry(Var.HEALTH_NAMED, true).doesNotContainKey(Var.POLICE_NAMED);
        then(CaseProcess.variablesOf(Step.ASSESS_NEEDS.formKey(),
                Map.of("agenciesInvolved", List.of("police")), ProcessTestEngine.ZONE))
                .doesNotContainKeys(Var.POLICE_NAMED, Var.HEALTH_NAMED);
    }

    // ------------------------------------------------------------------ issue 9 item 2: the emergency plan

    @Test
    void emergencyPlanIsDraftedInsideTheWindowAndGoesToApprovalWithoutTheWorkingDayLimits() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, true, false, false);
        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, false));

        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.DRAFT_EMERGENCY_PLAN.elementId());
        Task draft = openTask(process, Step.DRAFT_EMERGENCY_PLAN);
        assertThat(draft).hasDueDate(plusHours(MONDAY_MORNING, 12));
        complete(draft);

        assertThat(process).hasPassed("event_window_closed")
                .hasNotPassed(Step.ASSESS_NEEDS.elementId(), Step.HOLD_CASE_MEETING.elementId(), Step.DRAFT_PLAN.elementId())
                .isWaitingAtExactly(Step.APPROVE_EMERGENCY_PLAN.elementId());
        then(openTask(process, Step.APPROVE_EMERGENCY_PLAN).getDueDate()).as("no P2WD for an emergency plan").isNull();

        complete(openTask(process, Step.APPROVE_EMERGENCY_PLAN), withVariables("planApproved", "yes"));
        then(activatePlan.calls()).isEqualTo(1);
        then(openTasks(process, Step.IMPLEMENT_MEASURE)).isNotEmpty();
    }

    @Test
    void emergencyPlanLeftUndraftedWhenTheTwelveHoursEndIsABreach() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, true, false, false);
        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, false));

        ClockUtil.setCurrentTime(plusHours(MONDAY_MORNING, 12));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_REMINDER, Element.TIMER_WINDOW);

        then(recordTwelveHourBreach.calls()).isEqualTo(1);
        assertThat(process).isWaitingAtExactly(Element.TWELVE_HOUR_WINDOW, Step.DRAFT_EMERGENCY_PLAN.elementId(),
                Step.ESCALATE_BREACH.elementId());
    }

    @Test
    void caseWithoutEmergencyKeepsFiveWorkingDaysToDraftAndTwoToApprove() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, false, false, false);
        then(openTasks(process, Step.DRAFT_EMERGENCY_PLAN)).isEmpty();
        complete(openTask(process, Step.ASSESS_NEEDS));
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "support"));

        Task draft = openTask(process, Step.DRAFT_PLAN);
        assertThat(draft).hasDueDate(at(2027, 3, 8, 8, 0));
        complete(draft);
        Task approval = openTask(process, Step.APPROVE_PLAN);
        assertThat(approval).hasDueDate(at(2027, 3, 3, 8, 0));
        assertThat(process).hasNotPassed(Step.APPROVE_EMERGENCY_PLAN.elementId());
    }

    // ------------------------------------------------------------------ the plan cycle

    @Test
    void supportPlanIsDraftedApprovedCarriedOutAndReviewedUntilTheChildIsSafe() {
        Date wednesdayBeforeTet = at(2027, 2, 3, 10, 0);
        ClockUtil.setCurrentTime(wednesdayBeforeTet);
        ProcessInstance process = receiveReport(wednesdayBeforeTet);
        verify(process, false, false, false);

        // five working days from Wednesday 3 February 2027 skip Tết (5-11 February) and two weekends
        Date fiveWorkingDaysLater = at(2027, 2, 17, 10, 0);
        Date twoWorkingDaysLater = at(2027, 2, 12, 10, 0);
        assertThat(openTask(process, Step.ASSESS_NEEDS)).hasDueDate(fiveWorkingDaysLater);
        complete(openTask(process, Step.ASSESS_NEEDS));
        // the meeting shares the draft's deadline: 5 working days from the end of verification (issue 12 item 2)
        assertThat(openTask(process, Step.HOLD_CASE_MEETING)).hasDueDate(fiveWorkingDaysLater);
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "support"));

        assertThat(process).isWaitingAtExactly(Step.DRAFT_PLAN.elementId());
        assertThat(openTask(process, Step.DRAFT_PLAN)).hasDueDate(fiveWorkingDaysLater);
        complete(openTask(process, Step.DRAFT_PLAN));
        assertThat(openTask(process, Step.APPROVE_PLAN)).hasDueDate(twoWorkingDaysLater);
        complete(openTask(process, Step.APPROVE_PLAN), withVariables("planApproved", "no"));

        assertThat(process).isWaitingAtExactly(Step.DRAFT_PLAN.elementId());
        then(activatePlan.calls()).as("a returned plan is not activated").isZero();
        complete(openTask(process, Step.DRAFT_PLAN));
        complete(openTask(process, Step.APPROVE_PLAN), withVariables("planApproved", "yes"));

        then(activatePlan.calls()).isEqualTo(1);
        then(measuresInProgress(process)).containsExactlyInAnyOrder("measure-1", "measure-2");
        completeAllMeasures(process);

        assertThat(process).isWaitingAtExactly(Element.PLAN_IMPLEMENTATION, Step.REVIEW_CASE.elementId());
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", false, "stateStable", true));

        assertThat(process).as("a child still at risk starts a new cycle")
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        complete(openTask(process, Step.ASSESS_NEEDS));
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "intervention"));
        complete(openTask(process, Step.DRAFT_PLAN));
        complete(openTask(process, Step.APPROVE_PLAN), withVariables("planApproved", "yes"));

        then(activatePlan.calls()).isEqualTo(2);
        then(measuresInProgress(process)).containsExactlyInAnyOrder("measure-3", "measure-4");
        completeAllMeasures(process);
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", true, "stateStable", false));
        assertThat(process).as("an unstable child starts a new cycle too")
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        complete(openTask(process, Step.ASSESS_NEEDS));
        complete(openTask(process, Step.HOLD_CASE_MEETING), withVariables("protectionLevel", "support"));
        complete(openTask(process, Step.DRAFT_PLAN));
        complete(openTask(process, Step.APPROVE_PLAN), withVariables("planApproved", "yes"));
        completeAllMeasures(process);
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", true, "stateStable", true));

        assertThat(process).isWaitingAtExactly(Step.CLOSE_CASE.elementId());
        then(closeCase.calls()).as("nothing is archived before the chairman closes the case").isZero();
        complete(openTask(process, Step.CLOSE_CASE));

        assertThat(process).hasPassedInOrder(Step.REVIEW_CASE.elementId(), Step.CLOSE_CASE.elementId(),
                Element.ARCHIVE_CASE, Element.CASE_CLOSED).isEnded();
        then(closeCase.calls()).isEqualTo(1);
        then(closeCase.caseIds()).containsExactly(caseId);
        then(activatePlan.calls()).isEqualTo(3);
        then(timesPassed(process, Step.ASSESS_NEEDS)).isEqualTo(3);
        then(timesPassed(process, Step.DRAFT_PLAN)).isEqualTo(4);
        then(timesPassed(process, Step.IMPLEMENT_MEASURE)).isEqualTo(6);
        // besides the window and the case, each measure ended once and each plan ended with its review
        List<String> ends = new ArrayList<>(List.of("event_window_closed", Element.CASE_CLOSED));
        ends.addAll(java.util.Collections.nCopies(6, "event_measure_done"));
        ends.addAll(java.util.Collections.nCopies(3, Element.PLAN_REVIEWED));
        then(endEventsReached(process)).containsExactlyInAnyOrderElementsOf(ends);
    }

    @Test
    void closingTheCaseLeavesARunningSeparationToBeDecidedBeforeTheInstanceEnds() {
        ProcessInstance process = separatedChild();

        complete(openTask(process, Step.APPROVE_EMERGENCY_PLAN), withVariables("planApproved", "yes"));
        completeAllMeasures(process);
        complete(openTask(process, Step.REVIEW_CASE), withVariables("noLongerAtRisk", true, "stateStable", true));
        complete(openTask(process, Step.CLOSE_CASE));

        then(closeCase.calls()).as("the case file is closed").isEqualTo(1);
        assertThat(process).hasPassed(Element.CASE_CLOSED).isNotEnded()
                .isWaitingAtExactly(Step.MONITOR_SEPARATION.elementId());
        then(timersOf(process)).as("the 15-day limit still runs")
                .containsExactly(Element.TIMER_WINDOW_SEPARATION_REMINDER, Element.TIMER_SEPARATION);

        complete(openTask(process, Step.MONITOR_SEPARATION));

        assertThat(process).hasPassed(Element.SEPARATION_ENDED).isEnded();
    }

    // ------------------------------------------------------------------ issue 9 item 6: a separation decided later

    @Test
    void separationRequestedDuringAssessmentIsDecidedWithFormSevenAndMonitoredForFifteenDaysFromTheDecision() {
        ProcessInstance process = caseInAssessment();

        requestSeparation(process);

        assertThat(process).hasPassed(Element.SEPARATION_REQUESTED)
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId(), Step.DECIDE_LATER_SEPARATION.elementId(), Element.LATER_SEPARATION);
        Date requestedAt = ClockUtil.getCurrentTime();
        assertThat(openTask(process, Step.DECIDE_LATER_SEPARATION)).hasDueDate(plusHours(requestedAt, 12));

        decideLaterSeparation(process, "2027-03-03");

        Date fifteenDays = at(2027, 3, 18, 0, 0);
        assertThat(process).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId(), Step.MONITOR_LATER_SEPARATION.elementId(), Element.LATER_SEPARATION);
        assertThat(openTask(process, Step.MONITOR_LATER_SEPARATION)).hasDueDate(fifteenDays);
        assertThat(timer(process, Element.TIMER_LATER_SEPARATION)).hasDueDate(fifteenDays);
        assertThat(timer(process, Element.TIMER_SEPARATION_REMINDER)).hasDueDate(at(2027, 3, 16, 0, 0));

        complete(openTask(process, Step.MONITOR_LATER_SEPARATION), withVariables("outcome", "revoked"));

        assertThat(process).hasPassed(Element.LATER_SEPARATION_ENDED).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        then(timersOf(process)).as("ending the separation cancels its reminder and limit").isEmpty();
        then(remindSeparationLimit.calls()).isZero();
    }

    @Test
    void laterSeparationIsRemindedTwoDaysBeforeItsLimitThenReferredToCourtAndTheContinuedCareTrackedUntilItEnds() {
        ProcessInstance process = caseInAssessment();
        requestSeparation(process);
        decideLaterSeparation(process, "2027-03-03");

        ClockUtil.setCurrentTime(minus(at(2027, 3, 16, 0, 0), Duration.ofMinutes(1)));
        then(fireDueTimers(process)).as("nothing is due before day 13").isEmpty();
        ClockUtil.setCurrentTime(at(2027, 3, 16, 0, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_SEPARATION_REMINDER);
        then(remindSeparationLimit.calls()).isEqualTo(1);
        assertThat(process).isWaitingAt(Step.MONITOR_LATER_SEPARATION.elementId(), Element.LATER_SEPARATION);

        ClockUtil.setCurrentTime(at(2027, 3, 18, 0, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_LATER_SEPARATION);
        assertThat(process).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId(),
                Step.LATER_SEPARATION_LIMIT_REACHED.elementId(), Element.LATER_SEPARATION);
        complete(openTask(process, Step.LATER_SEPARATION_LIMIT_REACHED),
                withVariables("separationOutcome", "court_referral"));
        complete(openTask(process, Step.REFER_LATER_SEPARATION_TO_COURT));

        assertThat(process).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId(), Step.RECORD_COURT_DECISION.elementId(), Element.LATER_SEPARATION);
        complete(openTask(process, Step.RECORD_COURT_DECISION), withVariables(Var.COURT_DECISION, "continue_separation",
                Var.CARE_ENDS_AT, at(2027, 6, 1, 0, 0)));

        assertThat(process).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId(), Step.TRACK_CONTINUED_CARE.elementId(), Element.LATER_SEPARATION);
        assertThat(openTask(process, Step.TRACK_CONTINUED_CARE)).hasDueDate(at(2027, 6, 1, 0, 0));
        complete(openTask(process, Step.TRACK_CONTINUED_CARE));

        assertThat(process).hasPassed(Element.CONTINUED_CARE_ENDED).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
    }

    @Test
    void courtRefusingToContinueTheSeparationEndsItWithoutCareToTrack() {
        ProcessInstance process = caseInAssessment();
        requestSeparation(process);
        decideLaterSeparation(process, "2027-03-01");
        ClockUtil.setCurrentTime(at(2027, 3, 16, 0, 0));
        then(fireDueTimers(process)).containsExactly(Element.TIMER_SEPARATION_REMINDER, Element.TIMER_LATER_SEPARATION);
        complete(openTask(process, Step.LATER_SEPARATION_LIMIT_REACHED),
                withVariables("separationOutcome", "court_referral"));
        complete(openTask(process, Step.REFER_LATER_SEPARATION_TO_COURT));
        complete(openTask(process, Step.RECORD_COURT_DECISION), withVariables(Var.COURT_DECISION, "rejected"));

        assertThat(process).hasPassed(Element.COURT_REJECTED).hasNotPassed(Step.TRACK_CONTINUED_CARE.elementId())
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
    }

    @Test
    void laterSeparationReachingItsLimitCanEndWithTheChildReturningHome() {
        ProcessInstance process = caseInAssessment();
        requestSeparation(process);
        decideLaterSeparation(process, "2027-03-01");
        ClockUtil.setCurrentTime(at(2027, 3, 16, 0, 0));
        fireDueTimers(process);
        complete(openTask(process, Step.LATER_SEPARATION_LIMIT_REACHED), withVariables("separationOutcome", "return_home"));

        assertThat(process).hasPassed(Element.LATER_SEPARATION_RETURNED_HOME)
                .hasNotPassed(Step.REFER_LATER_SEPARATION_TO_COURT.elementId())
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
    }

    // ------------------------------------------------------------------ issue 9 item 7: crime reports

    @Test
    void crimeIndicatedAtVerificationGivesThePoliceTheCrimeReportBesideTheWindow() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        complete(openTask(process, Step.VERIFY_REPORT), withVariables("seriousHarm", false,
                "perpetratorIsCarer", false, "officerDeclaresEmergency", false, Var.CRIME_INDICATED, true));

        assertThat(process).hasPassed(Element.CRIME_INDICATED)
                .isWaitingAtExactly(Step.ASSESS_NEEDS.elementId(), Step.CONFIRM_CRIME_REPORT.elementId(), Element.CRIME_REPORT);
        assertThat(openTask(process, Step.CONFIRM_CRIME_REPORT)).hasDueDate(at(2027, 3, 2, 8, 0));

        complete(openTask(process, Step.CONFIRM_CRIME_REPORT));
        assertThat(process).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId(), Step.RECORD_CRIME_OUTCOME.elementId(), Element.CRIME_REPORT);
        complete(openTask(process, Step.RECORD_CRIME_OUTCOME));

        assertThat(process).hasPassed(Element.CRIME_OUTCOME_RECORDED).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
    }

    @Test
    void noCrimeReportIsOpenedWhenVerificationIndicatesNoCrime() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        complete(openTask(process, Step.VERIFY_REPORT), withVariables("seriousHarm", false,
                "perpetratorIsCarer", false, "officerDeclaresEmergency", false, Var.CRIME_INDICATED, false));
        complete(openTask(process, Step.ASSESS_NEEDS));
        runtimeService.setVariable(process.getId(), Var.CRIME_INDICATED, true);

        assertThat(process).hasNotPassed(Element.CRIME_INDICATED)
                .isWaitingAtExactly(Step.HOLD_CASE_MEETING.elementId());
        then(openTasks(process, Step.CONFIRM_CRIME_REPORT)).as("only a crime indicated at verification opens it").isEmpty();
    }

    // ------------------------------------------------------------------ the model against its backing class

    @Test
    void everyUserTaskOfTheModelIsAStepOfferedToTheRolesTheModelNamesWithItsOwnForm() {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseProcess.KEY).singleResult().getId();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definitionId);

        Map<String, UserTask> userTasks = model.getModelElementsByType(UserTask.class).stream()
                .collect(Collectors.toMap(UserTask::getId, task -> task));

        then(userTasks.keySet()).containsExactlyInAnyOrderElementsOf(
                List.of(Step.values()).stream().map(Step::elementId).toList());
        for (Step step : Step.values()) {
            UserTask task = userTasks.get(step.elementId());
            then(Set.of(task.getCamundaCandidateGroups().split("\\s*,\\s*")))
                    .as("candidate groups of %s", step).isEqualTo(OFFERED_TO.get(step));
            then(task.getCamundaFormRef()).as("form of %s", step).isEqualTo(step.formKey());
            then(task.getCamundaFormRefBinding()).as("form binding of %s", step).isEqualTo("deployment");
        }
        then(OFFERED_TO.keySet()).containsExactlyInAnyOrder(Step.values());
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance receiveReport(Date receivedAt) {
        return receiveReport(receivedAt, true);
    }

    private ProcessInstance receiveReport(Date receivedAt, boolean receivingAgencyKnown) {
        caseId = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.CASE_ID, caseId);
        variables.put(Var.COMMUNE_CODE, COMMUNE);
        variables.put(Var.PROVINCE_CODE, PROVINCE);
        variables.put(Var.RECEIVED_AT, receivedAt);
        variables.put(Var.WINDOW_ENDS_AT, plusHours(receivedAt, 12));
        variables.put(Var.WINDOW_REMINDER_AT, plusHours(receivedAt, 9));
        variables.put(Var.SEPARATION_NEEDED, false);
        variables.put(Var.RECEIVING_AGENCY_KNOWN, receivingAgencyKnown);
        ProcessInstance process = runtimeService.startProcessInstanceByKey(CaseProcess.KEY, caseId, variables);
        assertThat(process).isStarted().hasProcessDefinitionKey(CaseProcess.KEY).hasBusinessKey(caseId);
        return process;
    }

    /** An emergency in which the chairman separated the child; the window closed at Monday 08:00. */
    private ProcessInstance separatedChild() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, true, false, false);
        complete(openTask(process, Step.EMERGENCY_INTERVENTION), withVariables(Var.SEPARATION_NEEDED, true));
        complete(openTask(process, Step.DECIDE_SEPARATION), withVariables(Var.SEPARATION_ENDS_AT,
                plusDays(MONDAY_MORNING, 15), Var.SEPARATION_REMINDER_AT, plusDays(MONDAY_MORNING, 13)));
        draftEmergencyPlan(process);
        assertThat(process).isWaitingAtExactly(Step.MONITOR_SEPARATION.elementId(), Step.APPROVE_EMERGENCY_PLAN.elementId());
        then(timersOf(process)).containsExactly(Element.TIMER_WINDOW_SEPARATION_REMINDER, Element.TIMER_SEPARATION);
        return process;
    }

    /** The officer drafts the emergency plan inside the 12 hours (Art. 31.3). */
    private void draftEmergencyPlan(ProcessInstance process) {
        complete(openTask(process, Step.DRAFT_EMERGENCY_PLAN));
    }

    /** A case without emergency past its window, its officer assessing: Wednesday 3 March 2027. */
    private ProcessInstance caseInAssessment() {
        ProcessInstance process = receiveReport(MONDAY_MORNING);
        verify(process, false, false, false);
        assertThat(process).isWaitingAtExactly(Step.ASSESS_NEEDS.elementId());
        ClockUtil.setCurrentTime(at(2027, 3, 3, 9, 0));
        return process;
    }

    /** What the officer's request does: the message of the later separation. */
    private void requestSeparation(ProcessInstance process) {
        runtimeService.createMessageCorrelation(CaseProcess.SEPARATION_REQUESTED_MESSAGE)
                .processInstanceId(process.getId()).correlateWithResult();
    }

    /** The chairman's Form 07, as the task API turns it into variables. */
    private void decideLaterSeparation(ProcessInstance process, String decisionDate) {
        complete(openTask(process, Step.DECIDE_LATER_SEPARATION), CaseProcess.variablesOf("decide_separation",
                Map.of("decisionNumber", "07/QĐ", "decisionDate", decisionDate, "shelter", "Nhà tạm lánh"),
                ProcessTestEngine.ZONE));
    }

    /** The officer finds no abuse and no risk and proposes to close (what the verification step sets). */
    private void proposeToCloseAsUnfounded(ProcessInstance process) {
        complete(openTask(process, Step.VERIFY_REPORT), withVariables(
                "seriousHarm", false,
                "perpetratorIsCarer", false,
                "officerDeclaresEmergency", false,
                Var.UNFOUNDED_PROPOSED, true,
                CaseProcess.UnfoundedReport.REASON_FIELD, "false_report"));
    }

    private void verify(ProcessInstance process, boolean seriousHarm, boolean perpetratorIsCarer,
            boolean officerDeclaresEmergency) {
        complete(openTask(process, Step.VERIFY_REPORT), withVariables(
                "seriousHarm", seriousHarm,
                "perpetratorIsCarer", perpetratorIsCarer,
                "officerDeclaresEmergency", officerDeclaresEmergency));
    }

    /**
     * The single open task of a step, after checking what a user would see of it: offered to the roles the
     * model names, and opening its own Camunda Form from the same deployment.
     */
    private Task openTask(ProcessInstance process, Step step) {
        List<Task> tasks = openTasks(process, step);
        then(tasks).as("open %s tasks", step).hasSize(1);
        return tasks.get(0);
    }

    private List<Task> openTasks(ProcessInstance process, Step step) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(step.elementId()).list();
        for (Task task : tasks) {
            for (String group : OFFERED_TO.get(step)) {
                assertThat(task).hasCandidateGroup(group);
            }
            then(candidateGroups(task)).as("candidate groups of %s", step)
                    .containsExactlyInAnyOrderElementsOf(OFFERED_TO.get(step));
            then(deployedForm(task)).as("form of %s", step)
                    .containsPattern(Pattern.compile("\"id\"\\s*:\\s*\"" + step.formKey() + "\""));
        }
        return tasks;
    }

    private Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private String deployedForm(Task task) {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> measuresInProgress(ProcessInstance process) {
        List<Task> measures = openTasks(process, Step.IMPLEMENT_MEASURE);
        return measures.stream()
                .map(task -> (String) runtimeService.getVariable(task.getExecutionId(), Var.MEASURE_ID))
                .toList();
    }

    private void completeAllMeasures(ProcessInstance process) {
        List<Task> measures = openTasks(process, Step.IMPLEMENT_MEASURE);
        then(measures).as("one task per measure of the plan").hasSize(2);
        for (int i = 0; i < measures.size(); i++) {
            if (i < measures.size() - 1) {
                complete(measures.get(i), withVariables("status", "done"));
                assertThat(process).as("the review waits for every measure")
                        .isWaitingAt(Step.IMPLEMENT_MEASURE.elementId())
                        .isNotWaitingAt(Step.REVIEW_CASE.elementId());
                then(openTasks(process, Step.IMPLEMENT_MEASURE)).hasSize(measures.size() - 1 - i);
            } else {
                complete(measures.get(i), withVariables("status", "done"));
            }
        }
    }

    /** Executes, in due order, every timer of the process due at the engine's current time. */
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

    private long timesPassed(ProcessInstance process, Step step) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId(step.elementId()).finished().count();
    }

    private List<String> endEventsReached(ProcessInstance process) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .list().stream().filter(activity -> activity.getActivityType().endsWith("EndEvent"))
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private static Map<Step, Set<String>> offeredTo() {
        Map<Step, Set<String>> groups = new EnumMap<>(Step.class);
        groups.put(Step.ASSIGN_RECEIVING_AGENCY, Set.of("province-supervisor"));
        groups.put(Step.VERIFY_REPORT, Set.of("commune-officer"));
        groups.put(Step.EMERGENCY_INTERVENTION, Set.of("commune-chairman", "commune-officer"));
        groups.put(Step.DECIDE_SEPARATION, Set.of("commune-chairman"));
        groups.put(Step.POLICE_RESPONSE, Set.of("police"));
        groups.put(Step.HEALTH_RESPONSE, Set.of("health"));
        groups.put(Step.ESCALATE_BREACH, Set.of("province-supervisor"));
        groups.put(Step.MONITOR_SEPARATION, Set.of("commune-chairman"));
        groups.put(Step.SEPARATION_LIMIT_REACHED, Set.of("commune-chairman"));
        groups.put(Step.REFER_TO_COURT, Set.of("commune-officer"));
        groups.put(Step.ASSESS_NEEDS, Set.of("commune-officer"));
        groups.put(Step.HOLD_CASE_MEETING, Set.of("commune-chairman"));
        groups.put(Step.DRAFT_PLAN, Set.of("commune-officer"));
        groups.put(Step.APPROVE_PLAN, Set.of("commune-chairman"));
        groups.put(Step.IMPLEMENT_MEASURE, Set.of("plan-measure-owner"));
        groups.put(Step.REVIEW_CASE, Set.of("commune-officer"));
        groups.put(Step.CLOSE_CASE, Set.of("commune-chairman"));
        groups.put(Step.CONFIRM_EARLY_CLOSE, Set.of("commune-chairman"));
        groups.put(Step.DECIDE_LATER_SEPARATION, Set.of("commune-chairman"));
        groups.put(Step.MONITOR_LATER_SEPARATION, Set.of("commune-chairman"));
        groups.put(Step.LATER_SEPARATION_LIMIT_REACHED, Set.of("commune-chairman"));
        groups.put(Step.REFER_LATER_SEPARATION_TO_COURT, Set.of("commune-officer"));
        groups.put(Step.RECORD_COURT_DECISION, Set.of("commune-officer"));
        groups.put(Step.TRACK_CONTINUED_CARE, Set.of("commune-officer"));
        groups.put(Step.CONFIRM_CRIME_REPORT, Set.of("police"));
        groups.put(Step.RECORD_CRIME_OUTCOME, Set.of("police"));
        groups.put(Step.RECORD_WINDOW_COURT_DECISION, Set.of("commune-officer"));
        groups.put(Step.TRACK_WINDOW_CONTINUED_CARE, Set.of("commune-officer"));
        groups.put(Step.DRAFT_EMERGENCY_PLAN, Set.of("commune-officer"));
        groups.put(Step.APPROVE_EMERGENCY_PLAN, Set.of("commune-chairman"));
        groups.put(Step.PROPOSE_AMENDMENT, Set.of("commune-officer"));
        groups.put(Step.APPROVE_AMENDMENT, Set.of("commune-chairman"));
        groups.put(Step.REPORT_ALTERNATIVE_CARE, Set.of("commune-officer"));
        return groups;
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(ProcessTestEngine.ZONE).toInstant());
    }

    private static Date plusHours(Date moment, long hours) {
        return Date.from(moment.toInstant().plus(Duration.ofHours(hours)));
    }

    private static Date minus(Date moment, Duration duration) {
        return Date.from(moment.toInstant().minus(duration));
    }

    private static Date plusDays(Date moment, long days) {
        return Date.from(moment.toInstant().plus(Duration.ofDays(days)));
    }
}
