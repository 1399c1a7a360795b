package vn.trean.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backing class of {@code bpmn/case_intervention.bpmn}: its key, its element ids and the names of the
 * few variables it carries. Variables hold ids, times and decision flags only; everything a person
 * records about a child lives in the case tables.
 */
public final class CaseProcess {

    public static final String KEY = "case_intervention";
    public static final String EMERGENCY_DECISION_KEY = "emergency_criteria";

    private CaseProcess() {
    }

    /** The user tasks of the model; the form of each is {@code forms/<formKey>.form}. */
    public enum Step {
        /** Only for a commune whose officer role resolves to no agency at receipt: the province picks one. */
        ASSIGN_RECEIVING_AGENCY("task_assign_receiving_agency", true),
        VERIFY_REPORT("task_verify_report", true),
        EMERGENCY_INTERVENTION("task_emergency_intervention", true),
        DECIDE_SEPARATION("task_decide_separation", true),
        /** The commune police's own part of the 12 hours, when verification or the emergency named them. */
        POLICE_RESPONSE("task_police_response", true),
        /** The commune health station's own part of the 12 hours, when verification or the emergency named it. */
        HEALTH_RESPONSE("task_health_response", true),
        ESCALATE_BREACH("task_escalate_breach", false),
        MONITOR_SEPARATION("task_monitor_separation", false),
        SEPARATION_LIMIT_REACHED("task_separation_limit_reached", false),
        REFER_TO_COURT("task_refer_to_court", false),
        ASSESS_NEEDS("task_assess_needs", false),
        HOLD_CASE_MEETING("task_hold_case_meeting", false),
        DRAFT_PLAN("task_draft_plan", false),
        APPROVE_PLAN("task_approve_plan", false),
        IMPLEMENT_MEASURE("task_implement_measure", false),
        REVIEW_CASE("task_review_case", false),
        CLOSE_CASE("task_close_case", false),
        /**
         * The chairman confirms the officer's proposal to close a report verification found unfounded (within
         * 2 working days), or sends the case back to assessment. After the 12-hour window, which verification
         * ended as for any case without an emergency.
         */
        CONFIRM_EARLY_CLOSE("task_confirm_early_close", false),
        // Issue 9 item 6: a separation decided later in the case (Decree 56, art. 32), with the same forms.
        /** The chairman decides a separation the officer requested after the 12 hours, with Form 07. */
        DECIDE_LATER_SEPARATION("task_decide_later_separation", false, "decide_separation"),
        MONITOR_LATER_SEPARATION("task_monitor_later_separation", false, "monitor_separation"),
        LATER_SEPARATION_LIMIT_REACHED("task_later_separation_limit_reached", false, "separation_limit_reached"),
        REFER_LATER_SEPARATION_TO_COURT("task_refer_later_separation_to_court", false, "refer_to_court"),
        /** The court's decision on the referral; care that continues is tracked until its end date. */
        RECORD_COURT_DECISION("task_record_court_decision", false),
        TRACK_CONTINUED_CARE("task_track_continued_care", false),
        // Issue 9 item 7: a crime indicated at verification goes to the commune police.
        CONFIRM_CRIME_REPORT("task_confirm_crime_report", false),
        RECORD_CRIME_OUTCOME("task_record_crime_outcome", false),
        /** The court's decision and the continued care after a referral of a separation decided in the 12 hours. */
        RECORD_WINDOW_COURT_DECISION("task_record_window_court_decision", false, "record_court_decision"),
        TRACK_WINDOW_CONTINUED_CARE("task_track_window_continued_care", false, "track_continued_care"),
        // Issue 9 item 2: in an emergency the plan is drafted inside the 12 hours (Decree 56, art. 31.3) and the
        // ordinary 5 + 2 working-day plan limits are waived: no working-day due date on either step.
        /** The officer drafts the emergency plan with the ordinary plan form; due when the window ends. */
        DRAFT_EMERGENCY_PLAN("task_draft_emergency_plan", true, "draft_plan"),
        /** The chairman approves the emergency plan after the window, with the ordinary approval form and no due date. */
        APPROVE_EMERGENCY_PLAN("task_approve_emergency_plan", false, "approve_plan"),
        // Issue 12 item 3: a plan amended while it runs ({@link PlanAmendments}).
        /** The officer proposes adding, changing or stopping measures; opened by the officer, no legal deadline. */
        PROPOSE_AMENDMENT("task_propose_amendment", false),
        /** The chairman approves the amendment within 2 working days; an approval is applied at once. */
        APPROVE_AMENDMENT("task_approve_amendment", false),
        // Issue 12 item 6: a child in alternative care is followed after the case closed.
        /** The carer's report to the commune, every 6 months and when the care arrangement changes. */
        REPORT_ALTERNATIVE_CARE("task_report_alternative_care", false);

        private final String elementId;
        private final boolean inTwelveHourWindow;
        private final String formKey;

        Step(String elementId, boolean inTwelveHourWindow) {
            this(elementId, inTwelveHourWindow, elementId.substring("task_".length()));
        }

        /** A step that reuses another step's form (and so is recorded under the same step key). */
        Step(String elementId, boolean inTwelveHourWindow, String formKey) {
            this.elementId = elementId;
            this.inTwelveHourWindow = inTwelveHourWindow;
            this.formKey = formKey;
        }

        public String elementId() {
            return elementId;
        }

        /** The form key: the element id without its {@code task_} prefix, unless the step reuses another's form. */
        public String formKey() {
            return formKey;
        }

        /** Whether the law's 12-hour window from receipt binds this step. */
        public boolean inTwelveHourWindow() {
            return inTwelveHourWindow;
        }

        public static Optional<Step> ofElementId(String elementId) {
            return Arrays.stream(values()).filter(s -> s.elementId.equals(elementId)).findFirst();
        }
    }

    /**
     * The emergency measures: while one of them is open in an emergency case, the province department
     * sees the case among the open emergencies on its board.
     */
    public static final Set<String> EMERGENCY_STEP_KEYS = java.util.stream.Stream.of(Step.EMERGENCY_INTERVENTION,
            Step.DECIDE_SEPARATION, Step.POLICE_RESPONSE, Step.HEALTH_RESPONSE).map(Step::formKey)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The timeline entry that records when the emergency was reported to the province department. */
    public static final String EMERGENCY_REPORTED_ENTRY = "emergency_reported";

    /** The form keys of the steps the 12-hour window binds. */
    /*
     * A form shared with a step outside the window (the emergency plan's draft_plan) is left out: by its key alone
     * the ordinary plan, drafted days later, would count as a late window step.
     */
    public static final Set<String> TWELVE_HOUR_STEP_KEYS = Arrays.stream(Step.values())
            .filter(Step::inTwelveHourWindow).map(Step::formKey)
            .filter(key -> Arrays.stream(Step.values()).noneMatch(s -> !s.inTwelveHourWindow() && s.formKey().equals(key)))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Other elements that code and tests refer to. */
    public static final class Element {
        public static final String START = "event_report_received";
        public static final String FORWARD_TO_COMMUNE = "task_forward_to_commune";
        public static final String GATEWAY_RECEIVING_AGENCY = "gateway_receiving_agency_known";
        public static final String TWELVE_HOUR_WINDOW = "sub_twelve_hour_window";
        public static final String EMERGENCY_DECISION = "decision_emergency";
        /** Opens the police and health steps the officer named; its join waits for them before the window closes. */
        public static final String GATEWAY_AGENCIES_NAMED = "gateway_agencies_named";
        public static final String GATEWAY_AGENCIES_JOIN = "gateway_agencies_join";
        public static final String TIMER_REMINDER = "timer_12h_reminder";
        public static final String TIMER_WINDOW = "timer_12h_window";
        public static final String TIMER_SEPARATION = "timer_separation_15d";
        public static final String SEND_REMINDER = "task_send_window_reminder";
        public static final String RECORD_BREACH = "task_record_window_breach";
        public static final String ACTIVATE_PLAN = "task_activate_plan";
        public static final String ARCHIVE_CASE = "task_archive_case";
        public static final String CASE_CLOSED = "event_case_closed";
        public static final String SEPARATION_ENDED = "event_separation_ended";
        public static final String SEPARATION_RETURNED_HOME = "event_separation_returned_home";
        public static final String SEPARATION_COURT_REFERRED = "event_separation_court_referred";
        public static final String BREACH_HANDLED = "event_breach_handled";
        public static final String REMINDER_SENT = "event_reminder_sent";
        public static final String GATEWAY_AFTER_WINDOW = "gateway_after_window";
        public static final String GATEWAY_EARLY_CLOSE = "gateway_early_close_confirmed";
        /** The non-interrupting event sub-process of a separation decided later, and its message start. */
        public static final String LATER_SEPARATION = "sub_later_separation";
        public static final String SEPARATION_REQUESTED = "event_separation_requested";
        public static final String TIMER_SEPARATION_REMINDER = "timer_separation_reminder";
        public static final String TIMER_WINDOW_SEPARATION_REMINDER = "timer_window_separation_reminder";
        public static final String TIMER_LATER_SEPARATION = "timer_later_separation_15d";
        public static final String SEND_SEPARATION_REMINDER = "task_send_separation_reminder";
        public static final String LATER_SEPARATION_ENDED = "event_later_separation_ended";
        public static final String LATER_SEPARATION_RETURNED_HOME = "event_later_separation_returned_home";
        public static final String CONTINUED_CARE_ENDED = "event_continued_care_ended";
        public static final String COURT_REJECTED = "event_court_rejected";
        /** The conditional event sub-process opened when verification indicates a crime. */
        public static final String CRIME_REPORT = "sub_crime_report";
        public static final String CRIME_INDICATED = "event_crime_indicated";
        public static final String CRIME_OUTCOME_RECORDED = "event_crime_outcome_recorded";
        // Issue 12 items 4 and 5: the plan's implementation, its review at the plan's end and measures that start later.
        /** The plan in effect until its review: the measures and the review, ended as a whole when the review is done. */
        public static final String PLAN_IMPLEMENTATION = "sub_plan_implementation";
        /** One instance per measure of the plan ({@link Var#MEASURE_ID}): waits for its start date, then its task. */
        public static final String MEASURE = "sub_measure";
        public static final String GATEWAY_MEASURE_STARTS_LATER = "gateway_measure_starts_later";
        /** Opens a measure's task on its start date ({@link Var#MEASURE_STARTS_AT}). */
        public static final String TIMER_MEASURE_START = "timer_measure_start";
        /** Non-interrupting, on {@link #MEASURE}: opens the review at the plan's end with measures still open. */
        public static final String TIMER_PLAN_END = "timer_plan_end";
        /** After the last measure: to the review, unless the plan's end already opened it. */
        public static final String GATEWAY_REVIEW_OPENED = "gateway_review_opened";
        public static final String MEASURES_DONE_AFTER_REVIEW = "event_measures_done_after_review";
        /** Terminates {@link #PLAN_IMPLEMENTATION}: the measures still open end with the review. */
        public static final String PLAN_REVIEWED = "event_plan_reviewed";
        // Issue 12 item 3: amendments.
        /** Non-interrupting event sub-process of {@link #PLAN_IMPLEMENTATION}: a proposal and its approval. */
        public static final String PLAN_AMENDMENT = "sub_plan_amendment";
        /** Interrupting event sub-process of {@link #MEASURE}: an approved amendment stopped the measure. */
        public static final String MEASURE_WITHDRAWN = "sub_measure_withdrawn";
        // Issue 12 item 6: the follow-up of a child in alternative care, after the case closed.
        public static final String CARE_FOLLOW_UP = "sub_care_follow_up";
        /** Six months after the follow-up began or the last report: the next report is due. */
        public static final String TIMER_CARE_REPORT = "timer_care_report";
        /** The officer reports a change of the care arrangement ({@link CaseProcess#CARE_CHANGED_MESSAGE}). */
        public static final String CARE_CHANGED = "event_care_changed";
        public static final String CARE_FOLLOW_UP_ENDED = "event_care_follow_up_ended";

        private Element() {
        }
    }

    /** Process variable names. */
    public static final class Var {
        public static final String CASE_ID = "caseId";
        public static final String COMMUNE_CODE = "communeCode";
        public static final String PROVINCE_CODE = "provinceCode";
        public static final String RECEIVED_AT = "receivedAt";
        public static final String WINDOW_ENDS_AT = "windowEndsAt";
        public static final String WINDOW_REMINDER_AT = "windowReminderAt";
        /** Set by the close form: the child is in alternative care, and followed after closing. */
        public static final String IN_ALTERNATIVE_CARE = "inAlternativeCare";
        public static final String MEASURE_IDS = "measureIds";
        public static final String MEASURE_ID = "measureId";
        public static final String EMERGENCY = "emergency";
        public static final String SEPARATION_NEEDED = "separationNeeded";
        public static final String SEPARATION_ENDS_AT = "separationEndsAt";
        /** Two days before {@link #SEPARATION_ENDS_AT}: the officer and the chairman are reminded. */
        public static final String SEPARATION_REMINDER_AT = "separationReminderAt";
        /** Set by {@link Step#RECORD_COURT_DECISION}: the end of the care the court ordered (start of its end date). */
        public static final String CARE_ENDS_AT = "careEndsAt";
        /** Set by {@link Step#RECORD_COURT_DECISION}: {@code rejected} ends the separation, anything else tracks the care. */
        public static final String COURT_DECISION = "courtDecision";
        /** Set by {@link Step#VERIFY_REPORT}: true opens the crime report to the police. */
        public static final String CRIME_INDICATED = "crimeIndicated";
        /**
         * Whether, at receipt, the commune's officer role ({@link Role#COMMUNE_OFFICER}) resolved to an agency;
         * false sends the case to {@link Step#ASSIGN_RECEIVING_AGENCY} before verification.
         */
        public static final String RECEIVING_AGENCY_KNOWN = "receivingAgencyKnown";
        /**
         * Set by {@link Step#VERIFY_REPORT}: the officer proposes to close the report as unfounded
         * ({@link UnfoundedReport}); true sends the case to {@link Step#CONFIRM_EARLY_CLOSE} after the window.
         */
        public static final String UNFOUNDED_PROPOSED = "unfoundedProposed";
        /** Set by {@link Step#CONFIRM_EARLY_CLOSE}: {@link UnfoundedReport#CONFIRM} closes the case, anything else returns it to assessment. */
        public static final String EARLY_CLOSE_DECISION = "earlyCloseDecision";
        /** Whether verification or the emergency intervention named the police: opens {@link Step#POLICE_RESPONSE}. */
        public static final String POLICE_NAMED = "policeNamed";
        /** Whether verification or the emergency intervention named health: opens {@link Step#HEALTH_RESPONSE}. */
        public static final String HEALTH_NAMED = "healthNamed";
        // Issue 12 item 2: the plan clock, set by Delegate#START_PLAN_CLOCK.
        /** When the plan's 5 + 2 working days began: the end of verification, or the review that started a new cycle. */
        public static final String PLAN_CLOCK_STARTS_AT = "planClockStartsAt";
        /**
         * {@link #PLAN_CLOCK_STARTS_AT} plus {@link #PLAN_DRAFT_WORKING_DAYS} working days: the due date of the
         * assessment, the meeting and the draft, which share it.
         */
        public static final String PLAN_DRAFT_DUE_AT = "planDraftDueAt";
        // Issue 12 items 4 and 5, set by Delegate#ACTIVATE_PLAN and Delegate#SCHEDULE_MEASURE.
        /** The plan's end: its latest measure's due moment ({@link #measureDueAt}); the review opens then at the latest. */
        public static final String PLAN_ENDS_AT = "planEndsAt";
        /** Local to {@link Element#PLAN_IMPLEMENTATION}: the plan's end has opened the review. */
        public static final String PLAN_REVIEW_OPENED = "planReviewOpened";
        /** Local to one measure's instance: its start date is after today, so its task waits for it. */
        public static final String MEASURE_STARTS_LATER = "measureStartsLater";
        /** Local to one measure's instance: the start of its start date. */
        public static final String MEASURE_STARTS_AT = "measureStartsAt";
        /** Local to one measure's instance: its task's due date ({@link #measureDueAt} of its end date). */
        public static final String MEASURE_ENDS_AT = "measureEndsAt";

        private Var() {
        }
    }

    /** The roles of the model that code refers to (the routing rules turn each into an agency). */
    public static final class Role {
        /** The role of the first commune step (verification): a commune without it has no receiving agency. */
        public static final String COMMUNE_OFFICER = "commune-officer";
        public static final String COMMUNE_CHAIRMAN = "commune-chairman";
        /** The province department (Sở Y tế since 1 March 2025): it assigns a receiving agency when a commune has none. */
        public static final String PROVINCE_SUPERVISOR = "province-supervisor";
        /** The commune police (its 12-hour step: stop the harm, protect the child). */
        public static final String POLICE = "police";
        /** The commune health station (its 12-hour step: examine, treat, guide forensic evidence). */
        public static final String HEALTH = "health";

        private Role() {
        }
    }

    /** The field of {@code forms/assign_receiving_agency.form} that names the chosen agency. */
    public static final String RECEIVING_AGENCY_FIELD = "receivingAgencyId";

    /**
     * The read-only (disabled) field of {@code forms/review_case.form} listing the measures still open when the review
     * opens, filled in by the server (issue 12 item 4); never taken from what is submitted.
     */
    public static final String OPEN_MEASURES_FIELD = "openMeasures";

    /** What {@link #OPEN_MEASURES_FIELD} says when every measure is done (the form's language, Vietnamese). */
    public static final String NO_OPEN_MEASURES = "Không có: mọi nhiệm vụ đã kết thúc.";

    /** The key under which the assign form's choices (offered by the server) are filled in. */
    public static final String RECEIVING_AGENCY_CHOICES = "receivingAgencyChoices";

    /**
     * The form fields that steer the model and are therefore copied into process variables. Every
     * other field of a form is stored in the case record only.
     */
    public static final Set<String> DECISION_FIELDS = Set.of(
            "seriousHarm", "perpetratorIsCarer", "officerDeclaresEmergency",
            "separationNeeded", "separationOutcome", "protectionLevel", "planApproved",
            "noLongerAtRisk", "stateStable", Var.EARLY_CLOSE_DECISION, UnfoundedReport.REASON_FIELD,
            Var.COURT_DECISION, Var.CRIME_INDICATED, "careContinues");

    /** The message by which the officer reports that a closed case's alternative care changed. */
    public static final String CARE_CHANGED_MESSAGE = "careArrangementChanged";

    /** The close form's answer: the child's situation when the case closed; {@code alternative_care} is followed. */
    public static final String CLOSING_SITUATION_FIELD = "closingSituation";
    public static final String IN_ALTERNATIVE_CARE = "alternative_care";

    /** The message by which an officer opens an amendment of the running plan ({@link Element#PLAN_AMENDMENT}). */
    public static final String PLAN_AMENDMENT_REQUESTED_MESSAGE = "planAmendmentRequested";

    /** The message, correlated by the measure's local {@link Var#MEASURE_ID}, that stops one measure. */
    public static final String MEASURE_WITHDRAWN_MESSAGE = "measureWithdrawn";

    /** The server-filled key of the amendment form's select of the plan's measures still open. */
    public static final String PLAN_MEASURE_CHOICES = "planMeasureChoices";

    /** The read-only fields of {@code forms/approve_amendment.form}, filled in by the server, never the client's. */
    public static final String PROPOSED_CHANGES_FIELD = "proposedChanges";
    public static final String PLAN_VERSION_FIELD = "planVersion";

    /** The message by which an officer starts a separation later in the case ({@link Element#SEPARATION_REQUESTED}). */
    public static final String SEPARATION_REQUESTED_MESSAGE = "separationRequested";

    /**
     * The steps of a running separation (in the window or later): while one is open, another separation
     * cannot be requested.
     */
    public static final Set<String> SEPARATION_STEP_IDS = java.util.stream.Stream.of(Step.DECIDE_SEPARATION,
            Step.MONITOR_SEPARATION, Step.SEPARATION_LIMIT_REACHED, Step.REFER_TO_COURT, Step.DECIDE_LATER_SEPARATION,
            Step.MONITOR_LATER_SEPARATION, Step.LATER_SEPARATION_LIMIT_REACHED, Step.REFER_LATER_SEPARATION_TO_COURT,
            Step.RECORD_COURT_DECISION, Step.TRACK_CONTINUED_CARE, Step.RECORD_WINDOW_COURT_DECISION,
            Step.TRACK_WINDOW_CONTINUED_CARE).map(Step::elementId)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The steps whose completion is a separation decided: the province is told at once. */
    public static final Set<Step> SEPARATION_DECISIONS = Set.of(Step.DECIDE_SEPARATION, Step.DECIDE_LATER_SEPARATION);

    /** The timeline entry that records when a separation decision was reported to the province department. */
    public static final String SEPARATION_REPORTED_ENTRY = "separation_reported";

    /** The reminder comes this long before the 15 days end. */
    public static final Duration SEPARATION_REMINDER_BEFORE = Duration.ofDays(2);

    /** When the officer and the chairman are reminded ({@link Var#SEPARATION_REMINDER_AT}) of a separation ending then. */
    public static Date separationReminderAt(Date separationEndsAt) {
        return Date.from(separationEndsAt.toInstant().minus(SEPARATION_REMINDER_BEFORE));
    }

    /** The fields of {@code forms/record_crime_outcome.form} and the case's handling outcome (issue 9 item 7). */
    public static final class CrimeReport {
        public static final String OUTCOME_FIELD = "handlingOutcome";
        public static final String DECISION_NUMBER_FIELD = "decisionNumber";
        public static final String DECISION_DATE_FIELD = "decisionDate";
        /** Optional: the police name the perpetrator here, the only place a name of one is recorded. */
        public static final String PERPETRATOR_NAME_FIELD = "perpetratorName";
        public static final String NONE = "none";

        private CrimeReport() {
        }
    }

    /**
     * The fields of {@code forms/verify_report.form} and {@code forms/confirm_early_close.form} by which a
     * report that verification found unfounded (no abuse, no risk) is closed early (issue 9 item 3).
     */
    public static final class UnfoundedReport {
        /** The verification's outcome; {@link #UNFOUNDED} proposes to close. */
        public static final String OUTCOME_FIELD = "verificationOutcome";
        public static final String UNFOUNDED = "unfounded";
        /** The reason chosen from a list: false_report, already_resolved, duplicate, other. */
        public static final String REASON_FIELD = "unfoundedReason";
        public static final String OTHER_REASON = "other";
        /** Free text; required when the reason is {@link #OTHER_REASON}. */
        public static final String REASON_TEXT_FIELD = "unfoundedReasonText";
        /** The chairman's decision ({@link Var#EARLY_CLOSE_DECISION}): {@link #CONFIRM} or {@link #RETURN}. */
        public static final String CONFIRM = "confirm";
        public static final String RETURN = "return";
        /** The chairman's note; required when the case is returned. */
        public static final String CHAIRMAN_NOTE_FIELD = "chairmanNote";
        /** The risk level that says "no risk" ({@code riskLevel} of the verification form). */
        public static final String NO_RISK = "none";

        private UnfoundedReport() {
        }
    }

    /** The checklist fields (and their steps) in which the officer names the agencies that took part. */
    public static final Map<String, Step> AGENCY_FIELDS = Map.of(
            "verifiedWith", Step.VERIFY_REPORT, "agenciesInvolved", Step.EMERGENCY_INTERVENTION);

    /** The checklist values that give an agency its own step in the 12 hours, and the variable each sets. */
    public static final Map<String, String> NAMED_AGENCIES = Map.of(
            Role.POLICE, Var.POLICE_NAMED, Role.HEALTH, Var.HEALTH_NAMED);

    /** The window from receipt in which the commune verifies, assesses and, in an emergency, intervenes (Decree 56, art. 31). */
    public static final Duration TWELVE_HOUR_SPAN = Duration.ofHours(12);

    /**
     * The plan's legal span in working days from the end of verification: drafted in 5 ({@code ${planDraftDueAt}} on
     * {@link Step#DRAFT_PLAN}), approved in 2 ({@code P2WD} on {@link Step#APPROVE_PLAN}); the board's compliance
     * counts the whole span, from the end of verification to the approval.
     * An emergency case's plan is exempt ({@link Step#DRAFT_EMERGENCY_PLAN} inside the 12 hours, Decree 56, art. 31.3):
     * the board does not count emergency cases.
     */
    public static final int PLAN_WORKING_DAYS = 5 + 2;

    /*
     * Issue 12 item 2, the plan clock: the law's 5 working days to draft run from the end of verification (the
     * procedure leaves the start open; we chose verification's end, shown in the model as the end listener
     * ${startPlanClock} of task_verify_report, and as the take listener of flow_new_plan_cycle for a later cycle).
     * The assessment and the meeting are part of drafting: they share the draft's deadline (Var#PLAN_DRAFT_DUE_AT)
     * instead of adding 5 + 2 days of their own, and a plan returned for changes keeps it. Approval has 2 working
     * days from the draft's submission (P2WD on task_approve_plan). The board counts a plan approved within
     * PLAN_WORKING_DAYS of the end of verification as on time. An emergency keeps the waiver (its plan is drafted in
     * the 12 hours and approved without a working-day limit); a later cycle of it, started by a review, is an
     * ordinary plan and runs on the clock the review restarted.
     */
    /** Working days to draft the plan, from {@link Var#PLAN_CLOCK_STARTS_AT}. */
    public static final int PLAN_DRAFT_WORKING_DAYS = 5;

    /** A deadline the model reads from a variable, computed as working days from another variable. */
    public record WorkingDayDeadline(String startVariable, int workingDays) {
    }

    /**
     * The working-day deadlines held in variables, by the variable the model's {@code camunda:dueDate} names
     * ({@code ${planDraftDueAt}}): moved like the {@code P<n>WD} ones when the holidays change.
     */
    public static final Map<String, WorkingDayDeadline> WORKING_DAY_DEADLINES = Map.of(
            Var.PLAN_DRAFT_DUE_AT, new WorkingDayDeadline(Var.PLAN_CLOCK_STARTS_AT, PLAN_DRAFT_WORKING_DAYS));

    /** The hour of a measure's end date by which it is due: the end of the working day. */
    public static final LocalTime MEASURE_DUE_TIME = LocalTime.of(17, 0);

    /** When a measure ending on {@code endDate} is due (and a plan ending then, reviewed). */
    public static Date measureDueAt(LocalDate endDate, ZoneId zone) {
        return Date.from(endDate.atTime(MEASURE_DUE_TIME).atZone(zone).toInstant());
    }

    /** When the task of a measure starting on {@code startDate} opens: the start of that day. */
    public static Date measureOpensAt(LocalDate startDate, ZoneId zone) {
        return Date.from(startDate.atStartOfDay(zone).toInstant());
    }

    /** A temporary separation lasts at most 15 calendar days from the chairman's decision (Decree 56, art. 32). */
    public static final Duration SEPARATION_LIMIT = Duration.ofDays(15);

    /**
     * The process variables a completed step sets: its decision fields, and for the separation
     * decision the moment its 15 days end, counted from the decision date it records (which may be
     * earlier than the moment it is entered).
     */
    public static Map<String, Object> variablesOf(String formKey, Map<String, Object> values, ZoneId zone) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((key, value) -> {
            if (DECISION_FIELDS.contains(key)) {
                variables.put(key, value);
            }
        });
        if (Step.VERIFY_REPORT.formKey().equals(formKey)) {
            variables.put(Var.UNFOUNDED_PROPOSED, UnfoundedReport.UNFOUNDED.equals(values.get(UnfoundedReport.OUTCOME_FIELD)));
        }
        AGENCY_FIELDS.forEach((field, form) -> {
            if (form.formKey().equals(formKey) && values.get(field) instanceof Collection<?> named) {
                // only ever set to true: the emergency step must not take back what verification named
                NAMED_AGENCIES.forEach((agency, variable) -> {
                    if (named.contains(agency)) {
                        variables.put(variable, true);
                    }
                });
            }
        });
        if (Step.DECIDE_SEPARATION.formKey().equals(formKey) && values.get("decisionDate") != null) {
            LocalDate decided = LocalDate.parse(values.get("decisionDate").toString());
            Date endsAt = Date.from(decided.atStartOfDay(zone).toInstant().plus(SEPARATION_LIMIT));
            variables.put(Var.SEPARATION_ENDS_AT, endsAt);
            variables.put(Var.SEPARATION_REMINDER_AT, separationReminderAt(endsAt));
        }
        if (Step.CLOSE_CASE.formKey().equals(formKey)) {
            variables.put(Var.IN_ALTERNATIVE_CARE, IN_ALTERNATIVE_CARE.equals(values.get(CLOSING_SITUATION_FIELD)));
        }
        if (Step.RECORD_COURT_DECISION.formKey().equals(formKey) && values.get("careEndDate") != null) {
            variables.put(Var.CARE_ENDS_AT,
                    Date.from(LocalDate.parse(values.get("careEndDate").toString()).atStartOfDay(zone).toInstant()));
        }
        return variables;
    }

    /** The delegate bean names the model calls. */
    public static final class Delegate {
        public static final String FORWARD_TO_COMMUNE = "forwardToCommune";
        public static final String REMIND_TWELVE_HOUR_WINDOW = "remindTwelveHourWindow";
        public static final String RECORD_TWELVE_HOUR_BREACH = "recordTwelveHourBreach";
        public static final String ACTIVATE_PLAN = "activatePlan";
        public static final String CLOSE_CASE = "closeCase";
        public static final String REMIND_SEPARATION_LIMIT = "remindSeparationLimit";
        /** Starts the plan clock (issue 12 item 2): an execution listener at the end of verification and on a new cycle. */
        public static final String START_PLAN_CLOCK = "startPlanClock";
        /** Reads one measure's dates into its instance (issue 12 items 4, 5): an execution listener at its start. */
        public static final String SCHEDULE_MEASURE = "scheduleMeasure";

        /**
         * Every bean a model may name: the engine resolves no other bean in an expression, and the model
         * rules refuse a model that names one.
         */
        public static final Set<String> ALL = Set.of(FORWARD_TO_COMMUNE, REMIND_TWELVE_HOUR_WINDOW,
                RECORD_TWELVE_HOUR_BREACH, ACTIVATE_PLAN, CLOSE_CASE, REMIND_SEPARATION_LIMIT, START_PLAN_CLOCK,
                SCHEDULE_MEASURE);

        private Delegate() {
        }
    }
}
