package vn.trean.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.tasks.internal.FormSubmissions;
import vn.trean.workflow.CaseTasks;
import vn.trean.workflow.EngineClock;
import vn.trean.workflow.WorkItem;

/** The work of one person: their task list, and completing a step with what its form records. */
@Service
public class TaskWork {

    private final CaseTasks tasks;
    private final CaseFiles cases;
    private final UserDirectory users;
    private final FormSubmissions forms;
    private final WorkList workList;

    public TaskWork(CaseTasks tasks, CaseFiles cases, UserDirectory users, FormSubmissions forms, WorkList workList) {
        this.tasks = tasks;
        this.cases = cases;
        this.users = users;
        this.forms = forms;
        this.workList = workList;
    }

    /** My work list: tasks routed to my agency or claimed by me, soonest deadline first. */
    public List<TaskRow> myTasks(TaskFilter filter) {
        return workList.of(users.requireCurrent(), filter, EngineClock.now());
    }

    /** A task the current user may work, with the form it is completed with. */
    public TaskWithForm task(String taskId) {
        WorkItem item = workable(taskId, users.requireCurrent());
        return new TaskWithForm(item, forms.schema(taskId));
    }

    @Transactional
    public void claim(String taskId) {
        CurrentUser user = users.requireCurrent();
        WorkItem item = workable(taskId, user);
        if (item.assignee() != null && !item.assignee().equals(user.username())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "task-claimed-by-other", item.assignee());
        }
        tasks.claim(taskId, user.username());
    }

    @Transactional
    public void unclaim(String taskId) {
        workable(taskId, users.requireCurrent());
        tasks.unclaim(taskId);
    }

    /**
     * Validates the submitted values against the step's form, records them in the case file and
     * completes the task with the decision flags the model reads. One transaction: if the engine
     * refuses, nothing is recorded.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> submitted) {
        CurrentUser user = users.requireCurrent();
        WorkItem item = workable(taskId, user);
        Map<String, Object> values = forms.validate(taskId, submitted);
        forms.checkDates(taskId, values, item.caseId() == null ? null : cases.receivedAt(item.caseId()).orElse(null),
                EngineClock.now());
        applyToCaseFile(item, values);
        cases.recordStepData(taskId, values);
        tasks.complete(taskId, user.username(), values);
    }

    private void applyToCaseFile(WorkItem item, Map<String, Object> values) {
        switch (item.stepKey()) {
            case "hold_case_meeting" -> cases.setProtectionLevel(item.caseId(), (String) values.get("protectionLevel"));
            case "draft_plan" -> cases.draftPlan(item.caseId(), measures(values));
            case "implement_measure" -> cases.setMeasureStatus(item.measureId(),
                    values.get("status").toString().toUpperCase(java.util.Locale.ROOT));
            default -> {
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<CaseFiles.MeasureDraft> measures(Map<String, Object> values) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) values.get("measures");
        List<Violation> violations = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            var m = items.get(i);
            if (LocalDate.parse((String) m.get("endDate")).isBefore(LocalDate.parse((String) m.get("startDate")))) {
                violations.add(new Violation("measures[" + i + "].endDate", "end-before-start"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        return items.stream().map(m -> new CaseFiles.MeasureDraft((String) m.get("measureType"),
                (String) m.get("responsibleRole"), (String) m.get("description"),
                LocalDate.parse((String) m.get("startDate")), LocalDate.parse((String) m.get("endDate")),
                (String) m.get("provider"), m.get("costEstimate") == null ? null : ((Number) m.get("costEstimate")).longValue()))
                .toList();
    }

    /**
     * The task if the user may work it. A task of a case the user does not need to know is reported
     * as absent (no existence leak); a task of a visible case routed elsewhere is refused.
     */
    private WorkItem workable(String taskId, CurrentUser user) {
        var open = tasks.open(taskId);
        if (open.isEmpty()) {
            var caseId = tasks.caseOfHistoricTask(taskId);
            if (caseId.isPresent() && cases.isVisibleTo(caseId.get(), user) && tasks.wasCompleted(taskId)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "task-already-completed", taskId);
            }
            throw new ApiProblem(HttpStatus.NOT_FOUND, "task-not-found", taskId);
        }
        WorkItem item = open.get();
        if (!tasks.isFor(item, user)) {
            if (item.caseId() != null && cases.isVisibleTo(item.caseId(), user)) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, "task-not-yours", taskId);
            }
            throw new ApiProblem(HttpStatus.NOT_FOUND, "task-not-found", taskId);
        }
        return item;
    }

    public record TaskWithForm(WorkItem task, Object form) {
    }
}
