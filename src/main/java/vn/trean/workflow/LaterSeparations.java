package vn.trean.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.WorkflowSettings;

/**
 * Issue 9 item 6: a temporary separation decided later in the case (Decree 56, art. 32). The case's officer
 * requests it — the message that starts the model's {@code sub_later_separation} — and the chairman decides it
 * with Form 07; an extension is recorded only within the 15 days from the decision.
 */
@Service
public class LaterSeparations {

    /** The timeline entry of an extension, with the new end date and the reason in its data. */
    public static final String EXTENDED_ENTRY = "separation_extended";
    /** The timeline entry of the officer's request, with the reason in its data. */
    public static final String REQUESTED_ENTRY = "separation_requested";
    /** The key, in the data of both entries, of the user name of who recorded it. */
    public static final String RECORDED_BY = "recordedBy";
    private static final int MAX_REASON = 2000;

    private final CaseFiles cases;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkflowSettings settings;

    LaterSeparations(CaseFiles cases, RuntimeService runtime, TaskService tasks, WorkflowSettings settings) {
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
        this.settings = settings;
    }

    /** The officer of the case asks the chairman to separate the child: the chairman's Form 07 step opens. */
    @Transactional
    public void request(UUID caseId, CurrentUser user, String reason) {
        ProcessInstance process = runningCase(caseId, user, List.of(Role.COMMUNE_OFFICER));
        requireText("reason", reason);
        if (!separationSteps(process).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "separation-running", caseId);
        }
        String entryId = REQUESTED_ENTRY + ":" + UUID.randomUUID();
        cases.recordTimelineEntry(caseId, REQUESTED_ENTRY, entryId, user.agencyId(), EngineClock.now());
        cases.recordStepData(entryId, Map.of("reason", reason, RECORDED_BY, user.username()));
        runtime.createMessageCorrelation(CaseProcess.SEPARATION_REQUESTED_MESSAGE)
                .processInstanceId(process.getId()).correlateWithResult();
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldsProblem(List.of(new Violation(field, "required")));
        }
        if (value.length() > MAX_REASON) {
            throw new InvalidFieldsProblem(List.of(new Violation(field, "max-length", MAX_REASON)));
        }
    }

    /**
     * An extension of a running separation, recorded in the timeline. The 15 days from the decision are the
     * law's limit: an end date beyond them is refused, naming {@code extendedUntil}.
     */
    @Transactional
    public void extend(UUID caseId, CurrentUser user, LocalDate extendedUntil, String reason) {
        ProcessInstance process = runningCase(caseId, user, List.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN));
        // a commune that transferred the case keeps read access to it, not the separation
        boolean ofTheCommune = cases.summary(caseId).map(c -> c.communeCode().equals(user.localityCode())).orElse(false);
        if (!ofTheCommune) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "separation-not-your-step", caseId);
        }
        if (extendedUntil == null) {
            throw new InvalidFieldsProblem(List.of(new Violation("extendedUntil", "required")));
        }
        requireText("reason", reason);
        boolean monitored = separationSteps(process).stream().anyMatch(t ->
                t.getTaskDefinitionKey().equals(Step.MONITOR_SEPARATION.elementId())
                        || t.getTaskDefinitionKey().equals(Step.MONITOR_LATER_SEPARATION.elementId()));
        Object endsAt = runtime.getVariable(process.getId(), Var.SEPARATION_ENDS_AT);
        if (!monitored || !(endsAt instanceof Date limit)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "separation-not-running", caseId);
        }
        LocalDate lastDay = LocalDate.ofInstant(limit.toInstant(), settings.zone());
        if (extendedUntil.isAfter(lastDay)) {
            throw new InvalidFieldsProblem(List.of(new Violation("extendedUntil", "beyond-separation-limit")));
        }
        Instant now = EngineClock.now();
        String entryId = EXTENDED_ENTRY + ":" + UUID.randomUUID();
        cases.recordTimelineEntry(caseId, EXTENDED_ENTRY, entryId, user.agencyId(), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("extendedUntil", extendedUntil.toString());
        data.put("reason", reason);
        data.put(RECORDED_BY, user.username());
        cases.recordStepData(entryId, data);
    }

    private ProcessInstance runningCase(UUID caseId, CurrentUser user, List<Role> roles) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        if (!roles.contains(user.role())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "separation-not-your-step", caseId);
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
                .variableValueEquals(Var.CASE_ID, caseId.toString()).active().singleResult();
        if (process == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "separation-case-closed", caseId);
        }
        return process;
    }

    private List<Task> separationSteps(ProcessInstance process) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).list().stream()
                .filter(t -> CaseProcess.SEPARATION_STEP_IDS.contains(t.getTaskDefinitionKey())).toList();
    }
}
