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

    /**
     * The deployed form, with the choices the server offers filled into its {@code valuesKey} selects (as
     * static {@code values}, so that the page, an API client and the validation below see the same list).
     */
    public JsonNode schema(String taskId) {
        JsonNode form;
        try {
            form = json.readTree(tasks.formSchema(taskId));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the deployed form is not JSON", e);
        }
        var choices = tasks.formChoices(taskId);
        if (!choices.isEmpty()) {
            fill(form.path("components"), choices);
        }
        var defaults = tasks.formDefaults(taskId);
        if (!defaults.isEmpty()) {
            prefill(form.path("components"), defaults);
        }
        return form;
    }

    /** The case's current values as the fields' {@code defaultValue}: form-js opens the form with them filled in. */
    private void prefill(JsonNode components, Map<String, Object> defaults) {
        for (JsonNode c : components) {
            if (c instanceof com.fasterxml.jackson.databind.node.ObjectNode component && c.hasNonNull("key")
                    && defaults.containsKey(c.get("key").asText())) {
                component.set("defaultValue", json.valueToTree(defaults.get(c.get("key").asText())));
            }
            if (c.has("components")) {
                prefill(c.get("components"), defaults);
            }
        }
    }

    /** Checks the values against the form as {@link #schema} gives it: a server-offered choice must be one of those offered. */
    public Map<String, Object> validate(String taskId, Map<String, Object> submitted) {
        try {
            return FormSubmission.validate(json, json.writeValueAsString(schema(taskId)), submitted);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fill(JsonNode components, Map<String, java.util.List<CaseTasks.FormChoice>> choices) {
        for (JsonNode c : components) {
            if (c instanceof com.fasterxml.jackson.databind.node.ObjectNode component && c.has("valuesKey")
                    && choices.containsKey(c.get("valuesKey").asText())) {
                var values = component.putArray("values");
                for (var choice : choices.get(c.get("valuesKey").asText())) {
                    values.addObject().put("label", choice.label()).put("value", choice.value());
                }
                component.remove("valuesKey");
            }
            if (c.has("components")) {
                fill(c.get("components"), choices);
            }
        }
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
