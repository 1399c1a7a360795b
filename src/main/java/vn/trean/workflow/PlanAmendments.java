package vn.trean.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseFiles.MeasureDraft;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.casefile.CasePlans;
import vn.trean.casefile.PlanMeasure;
import vn.trean.identity.CurrentUser;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.CaseContext;
import vn.trean.workflow.routing.RoutingException;
import vn.trean.workflow.routing.WorkflowSettings;

/**
 * Issue 12 item 3: plans change as life does. While the plan is carried out (before its review opens) the case's
 * officer opens an amendment — the message that starts the model's {@code sub_plan_amendment} — and proposes, with the
 * form {@code propose_amendment}, to add measures, change one (dates, agency, content) or stop one; the chairman
 * approves within 2 working days. An approval is applied as soon as the approval step is completed, in its
 * transaction: the plan gets its next version ({@link CasePlans}), and {@link MeasureInstances} opens, moves or stops
 * the measures' tasks in the engine.
 */
@Service
public class PlanAmendments {

    /** The fields of one change in {@code forms/propose_amendment.form}'s {@code changes} list. */
    static final String CHANGES = "changes";
    static final String REASON = "amendmentReason";
    static final String ACTION = "action";
    static final String MEASURE = "measureId";
    private static final List<String> MEASURE_FIELDS = List.of("measureType", "responsibleRole", "description",
            "startDate", "endDate");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final CaseFiles cases;
    private final CasePlans plans;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MeasureInstances measures;
    private final WorkflowSettings settings;
    private final MessageSource messages;
    private final AgencyRouter router;

    PlanAmendments(CaseFiles cases, CasePlans plans, RuntimeService runtime, TaskService tasks,
                   MeasureInstances measures, WorkflowSettings settings, MessageSource messages, AgencyRouter router) {
        this.router = router;
        this.cases = cases;
        this.plans = plans;
        this.runtime = runtime;
        this.tasks = tasks;
        this.measures = measures;
        this.settings = settings;
        this.messages = messages;
    }

    /**
     * The case's officer opens an amendment: the proposal step opens for their agency, and its id is returned.
     * 404 for a case the user may not see; 403 for anyone but the officer of the case's commune; 409 while no plan is
     * being carried out, while its review is open, or while another amendment awaits its decision.
     */
    @Transactional
    public String request(UUID caseId, CurrentUser user) {
        ProcessInstance process = requestable(caseId, user);
        runtime.createMessageCorrelation(CaseProcess.PLAN_AMENDMENT_REQUESTED_MESSAGE)
                .processInstanceId(process.getId()).correlateWithResult();
        return open(process.getId(), Step.PROPOSE_AMENDMENT).get(0).getId();
    }

    /** Whether {@link #request} would open an amendment for this user now: the case page offers it then. */
    @Transactional(readOnly = true)
    public boolean mayRequest(UUID caseId, CurrentUser user) {
        try {
            requestable(caseId, user);
            return true;
        } catch (ApiProblem refused) {
            return false;
        }
    }

    private ProcessInstance requestable(UUID caseId, CurrentUser user) {
        CaseOfficer.require(cases, caseId, user, "amendment-not-allowed");
        ProcessInstance process = CaseOfficer.runningProcess(runtime, caseId);
        if (process == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "plan-not-running", caseId);
        }
        requireNoReview(process.getId(), caseId);
        if (!measures.planRunning(process.getId())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "plan-not-running", caseId);
        }
        if (!open(process.getId(), Step.PROPOSE_AMENDMENT, Step.APPROVE_AMENDMENT).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "amendment-pending", caseId);
        }
        return process;
    }

    /** The version of the case's running (or last) plan: 1, plus one per approved amendment. */
    public int planVersion(UUID caseId) {
        return plans.currentVersion(caseId);
    }

    /** The measures an amendment may change or stop: those of the running plan still being carried out. */
    public List<CaseTasks.FormChoice> choices(UUID caseId) {
        return active(caseId).stream().map(m -> new CaseTasks.FormChoice(m.id().toString(), describe(m))).toList();
    }

    /**
     * Checks a proposal beyond what its form says (a measure added with all it needs, an end not before its start
     * nor in the past, a start date kept once the measure started, one change per measure, a change that changes
     * something) and records it for the chairman. Each refusal names its field; nothing is recorded then.
     */
    void proposed(UUID caseId, String taskId, Map<String, Object> values, String actor) {
        List<Map<String, Object>> changes = changes(values);
        Map<UUID, PlanMeasure> active = active(caseId).stream()
                .collect(Collectors.toMap(PlanMeasure::id, Function.identity()));
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), settings.zone());
        List<Violation> violations = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        var summary = cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        CaseContext context = new CaseContext(caseId, summary.communeCode(), summary.provinceCode());
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> change = changes.get(i);
            String path = CHANGES + "[" + i + "].";
            String action = String.valueOf(change.get(ACTION));
            if (!blank(change.get("responsibleRole")) && !carried(change.get("responsibleRole").toString(), context)) {
                violations.add(new Violation(path + "responsibleRole", "no-agency-for-role"));
            }
            if ("add".equals(action)) {
                MEASURE_FIELDS.stream().filter(f -> blank(change.get(f)))
                        .forEach(f -> violations.add(new Violation(path + f, "required")));
                if (MEASURE_FIELDS.stream().noneMatch(f -> blank(change.get(f)))) {
                    checkDates(draft(change, null), null, today, path, violations);
                }
                continue;
            }
            UUID measureId = UUID.fromString(String.valueOf(change.get(MEASURE)));
            PlanMeasure measure = active.get(measureId);
            if (measure == null) {
                violations.add(new Violation(path + MEASURE, "measure-not-active"));
            } else if (!seen.add(measureId)) {
                violations.add(new Violation(path + MEASURE, "measure-duplicate"));
            } else if ("change".equals(action)) {
                MeasureDraft after = draft(change, measure);
                if (after.equals(draft(Map.of(), measure))) {
                    violations.add(new Violation(path + ACTION, "nothing-changed"));
                } else {
                    checkDates(after, measure, today, path, violations);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        plans.propose(caseId, taskId, actor, EngineClock.now(), String.valueOf(values.get(REASON)), changes);
    }

    /** What the approval form shows, filled in by the server: the proposal in words and the version it would make. */
    public Map<String, Object> approvalFields(UUID caseId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(CaseProcess.PROPOSED_CHANGES_FIELD, plans.pending(caseId).map(this::inWords).orElse(""));
        fields.put(CaseProcess.PLAN_VERSION_FIELD, plans.currentVersion(caseId) + 1);
        return fields;
    }

    /** Before the approval step completes: an approval needs a plan still carried out, without its review open. */
    void beforeDecision(UUID caseId, String processInstanceId, Map<String, Object> values) {
        if (approved(values)) {
            requireNoReview(processInstanceId, caseId);
            if (!measures.planRunning(processInstanceId)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "plan-not-running", caseId);
            }
        }
    }

    /**
     * After the approval step completed (outside the engine's own execution, so that the process can be modified):
     * an approval applies the changes — measures added first, so that the plan never runs out of measures midway —
     * and the plan's end follows its latest measure; a refusal only closes the proposal.
     */
    void decided(UUID caseId, String processInstanceId, String decisionTaskId, Map<String, Object> values,
                 String actor) {
        CasePlans.Amendment amendment = plans.pending(caseId)
                .orElseThrow(() -> new IllegalStateException("no pending amendment of case " + caseId));
        Instant now = EngineClock.now();
        if (!approved(values)) {
            plans.decline(amendment.id(), decisionTaskId, actor, now);
            return;
        }
        int version = plans.currentVersion(caseId) + 1;
        List<Map<String, Object>> applied = new ArrayList<>();
        List<Map<String, Object>> ordered = amendment.changes().stream()
                .sorted(Comparator.comparingInt(c -> List.of("add", "change", "stop").indexOf(c.get(ACTION)))).toList();
        for (Map<String, Object> change : ordered) {
            String action = String.valueOf(change.get(ACTION));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(ACTION, action);
            if ("add".equals(action)) {
                MeasureDraft added = draft(change, null);
                UUID id = plans.addMeasure(caseId, added, version);
                measures.add(processInstanceId, id);
                entry.put(MEASURE, id.toString());
                entry.put("after", added);
                applied.add(entry);
                continue;
            }
            UUID measureId = UUID.fromString(String.valueOf(change.get(MEASURE)));
            entry.put(MEASURE, measureId.toString());
            Optional<PlanMeasure> measure = cases.measure(measureId).filter(m -> "ACTIVE".equals(m.status()));
            if (measure.isEmpty()) {
                // done or ended between the proposal and the decision: nothing left to change
                entry.put("skipped", "measure-not-active");
            } else if ("change".equals(action)) {
                MeasureDraft before = draft(Map.of(), measure.get());
                MeasureDraft after = draft(change, measure.get());
                plans.changeMeasure(measureId, after, version);
                measures.reschedule(processInstanceId, measureId, after.startDate(), after.endDate());
                if (!after.responsibleRole().equals(before.responsibleRole())) {
                    measures.reroute(processInstanceId, measureId);
                }
                entry.put("before", before);
                entry.put("after", after);
            } else {
                entry.put("before", draft(Map.of(), measure.get()));
                plans.withdrawMeasure(measureId, version);
                measures.withdraw(processInstanceId, measureId);
            }
            applied.add(entry);
        }
        plans.planEnd(caseId).ifPresent(end -> measures.movePlanEnd(processInstanceId, end));
        plans.approve(amendment.id(), decisionTaskId, actor, now, applied);
    }

    /** Whether an agency of the case's commune (or its province) carries the role: a measure's task goes there. */
    private boolean carried(String role, CaseContext context) {
        try {
            router.agencyFor(role, context, null);
            return true;
        } catch (RoutingException nobody) {
            return false;
        }
    }

    private static boolean approved(Map<String, Object> values) {
        return "yes".equals(values.get("amendmentApproved"));
    }

    private void requireNoReview(String processInstanceId, UUID caseId) {
        if (!open(processInstanceId, Step.REVIEW_CASE).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "plan-under-review", caseId);
        }
    }

    private List<Task> open(String processInstanceId, Step... steps) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(java.util.Arrays.stream(steps).map(Step::elementId).toArray(String[]::new))
                .list();
    }

    private List<PlanMeasure> active(UUID caseId) {
        return plans.currentMeasures(caseId).stream().filter(m -> "ACTIVE".equals(m.status())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> values) {
        return values.get(CHANGES) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The measure as a change leaves it: each field given replaces the measure's ({@code measure} null: all given). */
    private static MeasureDraft draft(Map<String, Object> change, PlanMeasure measure) {
        Function<String, String> text = f -> blank(change.get(f)) ? null : change.get(f).toString();
        return new MeasureDraft(
                Objects.requireNonNullElseGet(text.apply("measureType"), () -> measure.measureType()),
                Objects.requireNonNullElseGet(text.apply("responsibleRole"), () -> measure.responsibleRole()),
                Objects.requireNonNullElseGet(text.apply("description"), () -> measure.description()),
                text.apply("startDate") == null ? measure.startDate() : LocalDate.parse(text.apply("startDate")),
                text.apply("endDate") == null ? measure.endDate() : LocalDate.parse(text.apply("endDate")),
                measure == null ? null : measure.provider(), measure == null ? null : measure.costEstimate());
    }

    private static void checkDates(MeasureDraft after, PlanMeasure before, LocalDate today, String path,
                                   List<Violation> violations) {
        if (before != null && !after.startDate().equals(before.startDate()) && !before.startDate().isAfter(today)) {
            violations.add(new Violation(path + "startDate", "measure-started"));
        }
        if (after.endDate().isBefore(after.startDate())) {
            violations.add(new Violation(path + "endDate", "end-before-start"));
        } else if (after.endDate().isBefore(today)) {
            violations.add(new Violation(path + "endDate", "end-in-past"));
        }
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    /** One line per change and the reason, in the forms' language (Vietnamese), for the chairman's form. */
    private String inWords(CasePlans.Amendment amendment) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> change : amendment.changes()) {
            String action = String.valueOf(change.get(ACTION));
            if ("add".equals(action)) {
                lines.add("- Thêm: " + describe(draft(change, null)));
                continue;
            }
            Optional<PlanMeasure> measure = cases.measure(UUID.fromString(String.valueOf(change.get(MEASURE))));
            if (measure.isEmpty()) {
                continue;
            }
            if ("stop".equals(action)) {
                lines.add("- Dừng: " + describe(measure.get()));
            } else {
                lines.add("- Thay đổi: " + describe(measure.get()) + " → " + describe(draft(change, measure.get())));
            }
        }
        lines.add("Lý do: " + amendment.reason());
        return String.join("\n", lines);
    }

    private String describe(PlanMeasure m) {
        return describe(new MeasureDraft(m.measureType(), m.responsibleRole(), m.description(), m.startDate(),
                m.endDate(), m.provider(), m.costEstimate()));
    }

    private String describe(MeasureDraft m) {
        String agency = messages.getMessage("page.role." + m.responsibleRole(), null, m.responsibleRole(), VIETNAMESE);
        return m.description() + " (" + agency + ", " + m.startDate().format(SHOWN) + " – " + m.endDate().format(SHOWN)
                + ")";
    }
}
