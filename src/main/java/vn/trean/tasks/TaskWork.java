package vn.trean.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
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

    /** A page of my work list: tasks routed to my agency or claimed by me, soonest deadline first. */
    public TaskPage myTasks(TaskFilter filter, int page, int size) {
        return myTasks(filter, TaskSort.DUE, page, size);
    }

    /** A page of my work list in the order asked for, with the total and the overdue count beside it. */
    public TaskPage myTasks(TaskFilter filter, TaskSort sort, int page, int size) {
        if (page < 0 || size < 1 || size > TaskPage.MAX_SIZE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-page", TaskPage.MAX_SIZE);
        }
        return workList.of(users.requireCurrent(), filter, sort, EngineClock.now(), page, size);
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
     * Validates the submitted values against the step's form, then completes the step through the
     * workflow's one door, which records them in the case file and completes the engine's task with
     * the decision flags the model reads. One transaction: if the engine refuses, nothing is recorded.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> submitted) {
        CurrentUser user = users.requireCurrent();
        WorkItem item = workable(taskId, user);
        Map<String, Object> values = forms.validate(taskId, submitted);
        forms.checkDates(taskId, values, item.caseId() == null ? null : cases.receivedAt(item.caseId()).orElse(null),
                EngineClock.now());
        tasks.complete(item, user.username(), values);
    }

    /**
     * The case of a task (done or open) with the steps open on it now: the "done" message names the next
     * step and who has it. Nothing for a case the user may not see, as for a missing task.
     */
    public Optional<AfterStep> afterStep(String taskId) {
        CurrentUser user = users.requireCurrent();
        return tasks.caseOfHistoricTask(taskId).filter(id -> cases.isVisibleTo(id, user))
                .map(caseId -> new AfterStep(caseId, tasks.openOfCase(caseId).stream()
                        .filter(next -> !next.taskId().equals(taskId)).toList()));
    }

    /**
     * The name of the colleague who claimed a task routed to the user's own agency, if one did: the task
     * page says who has it rather than a bare refusal.
     */
    public Optional<String> claimedByColleague(String taskId) {
        CurrentUser user = users.requireCurrent();
        return tasks.open(taskId)
                .filter(item -> item.assignee() != null && !item.assignee().equals(user.username())
                        && item.candidateGroups().contains(user.agencyId())
                        && item.caseId() != null && cases.isVisibleTo(item.caseId(), user))
                .map(item -> users.find(item.assignee()).map(CurrentUser::displayName).orElse(item.assignee()));
    }

    /** A case and its open steps, after one of its steps. */
    public record AfterStep(UUID caseId, List<WorkItem> next) {
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
