package vn.trean.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.CaseTasks;
import vn.trean.workflow.WorkflowEvents.TaskEnded;

/**
 * What a person typed into a task's form and has not submitted yet (issue 11, item 3): saved by the page when
 * they pause, given back when they return. A draft is its author's only, and only while they may work the task:
 * anyone else, or a task that ended, finds nothing (404, as for a missing task). It is deleted when the task ends.
 */
@Service
public class TaskDrafts {

    private final CaseTasks tasks;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final int maxChars;

    TaskDrafts(CaseTasks tasks, UserDirectory users, JdbcClient jdbc, ObjectMapper json,
               @Value("${trean.tasks.draft-max-chars}") int maxChars) {
        this.tasks = tasks;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
        this.maxChars = maxChars;
    }

    /** The current user's draft of the task, if they saved one and may still work the task. */
    public Optional<Draft> mine(String taskId) {
        CurrentUser user = mayWork(taskId);
        return jdbc.sql("select draft_values, updated_at from task_draft where task_id = ? and username = ?")
                .params(taskId, user.username())
                .query((rs, n) -> new Draft(read(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** Saves (replaces) the current user's draft: a JSON object of the form's values, bounded in size. */
    @Transactional
    public Draft save(String taskId, JsonNode values) {
        CurrentUser user = mayWork(taskId);
        if (values == null || !values.isObject()) {
            throw new InvalidFieldsProblem(List.of(new Violation("values", "draft-not-object")));
        }
        String text = values.toString();
        if (text.length() > maxChars) {
            throw new InvalidFieldsProblem(List.of(new Violation("values", "draft-too-large", maxChars)));
        }
        Instant now = Instant.now();
        jdbc.sql("""
                insert into task_draft (task_id, username, draft_values, updated_at) values (?, ?, ?, ?)
                on conflict (task_id, username) do update set draft_values = excluded.draft_values,
                    updated_at = excluded.updated_at""")
                .params(taskId, user.username(), text, java.sql.Timestamp.from(now)).update();
        return new Draft(values, now);
    }

    @Transactional
    public void discard(String taskId) {
        CurrentUser user = mayWork(taskId);
        jdbc.sql("delete from task_draft where task_id = ? and username = ?").params(taskId, user.username()).update();
    }

    /** A task that ended (completed, or handed to other agencies) keeps no drafts: nobody can submit them. */
    @EventListener
    void taskEnded(TaskEnded ended) {
        jdbc.sql("delete from task_draft where task_id = ?").param(ended.taskId()).update();
    }

    private CurrentUser mayWork(String taskId) {
        CurrentUser user = users.requireCurrent();
        if (tasks.open(taskId).filter(item -> tasks.isFor(item, user)).isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "task-not-found", taskId);
        }
        return user;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft is not JSON", e);
        }
    }

    /** The values as the form holds them (its keys), and when they were saved. */
    public record Draft(JsonNode values, Instant updatedAt) {
    }
}
