package vn.trean.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.trean.workflow.CaseTasks;

/** The deployed form of a task, and server-side validation of what is submitted with it. */
@Component
public class FormSubmissions {

    private final CaseTasks tasks;
    private final ObjectMapper json;

    FormSubmissions(CaseTasks tasks, ObjectMapper json) {
        this.tasks = tasks;
        this.json = json;
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
}
