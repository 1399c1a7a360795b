package vn.trean.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.workflow.CaseTasks;

/** The deployed form of a task, and server-side validation of what is submitted with it. */
@Component
public class FormSubmissions {

    private final CaseTasks tasks;
    private final ObjectMapper json;
    private final ZoneId zone;

    FormSubmissions(CaseTasks tasks, ObjectMapper json, @Value("${trean.workflow.zone}") ZoneId zone) {
        this.tasks = tasks;
        this.json = json;
        this.zone = zone;
    }

    public JsonNode schema(String taskId) {
        try {
            return json.readTree(tasks.formSchema(taskId));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the deployed form is not JSON", e);
        }
    }

    public Map<String, Object> validate(String taskId, Map<String, Object> submitted) {
        return FormSubmission.validate(json, tasks.formSchema(taskId), submitted);
    }

    /**
     * Refuses dates that cannot be true of the case: before its report was received ({@code receivedAt},
     * null for a step of no case) or, for what a step records as done, after {@code now}.
     *
     * @param values what {@link #validate} returned
     */
    public void checkDates(String taskId, Map<String, Object> values, Instant receivedAt, Instant now) {
        var violations = FormDates.check(schema(taskId).path("components"), values,
                receivedAt == null ? null : receivedAt.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate(), zone);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
    }
}
