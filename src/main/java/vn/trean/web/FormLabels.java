package vn.trean.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.trean.workflow.DeployedForms;

/**
 * The labels of the steps' forms as the engine has them deployed (the newest version of each form), so that the
 * timeline shows what was recorded as the person who recorded it saw it — "Mức độ nguy cơ: Cao" rather than
 * "riskLevel: high" — and in the form's order. The forms/*.form files shipped with the application stand in for
 * a form the engine does not have (yet).
 */
@Component("formLabels")
public class FormLabels {

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ObjectMapper json;
    private final DeployedForms deployed;
    private final Labels shipped;
    private volatile Labels current;
    private volatile String currentFingerprint;

    FormLabels(ObjectMapper json, DeployedForms deployed) throws IOException {
        this.json = json;
        this.deployed = deployed;
        Map<String, String> files = new LinkedHashMap<>();
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                files.put(form.getFilename(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        this.shipped = parse(files.values());
    }

    /** The fields and options of every form; kept until another form version is deployed. */
    private record Labels(Map<String, String> fields, Map<String, Integer> order, Map<String, String> values) {
    }

    private Labels labels() {
        Labels labels = current;
        return labels == null ? shipped : labels;
    }

    /**
     * Reads the deployed forms again if one was deployed since the last call (one small query otherwise): called once
     * a page, before its labels are looked up.
     */
    public void refresh() {
        String fingerprint = deployed.fingerprint();
        if (!fingerprint.equals(currentFingerprint)) {
            Labels fresh = parse(deployed.newestSchemas().values());
            Labels merged = new Labels(new HashMap<>(shipped.fields()), new HashMap<>(shipped.order()),
                    new HashMap<>(shipped.values()));
            // a deployed form replaces the shipped one of its key entirely (a removed field keeps no stale order)
            fresh.fields().keySet().stream().map(k -> k.substring(0, k.indexOf('/') + 1)).distinct().forEach(form -> {
                merged.fields().keySet().removeIf(k -> k.startsWith(form));
                merged.order().keySet().removeIf(k -> k.startsWith(form));
            });
            merged.fields().putAll(fresh.fields());
            merged.order().putAll(fresh.order());
            merged.values().putAll(fresh.values());
            current = merged;
            currentFingerprint = fingerprint;
        }
    }

    private Labels parse(Collection<String> schemas) {
        Labels labels = new Labels(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (String schema : schemas) {
            try {
                JsonNode form = json.readTree(schema);
                collect(labels, form.path("id").asText(), form.path("components"));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return labels;
    }

    private void collect(Labels labels, String formId, JsonNode components) {
        for (JsonNode c : components) {
            String key = c.hasNonNull("key") ? c.get("key").asText() : c.path("path").asText(null);
            if (key != null && c.hasNonNull("label")) {
                labels.fields().put(formId + "/" + key, c.get("label").asText());
                labels.order().putIfAbsent(formId + "/" + key, labels.order().size());
                c.path("values").forEach(v -> labels.values().put(formId + "/" + key + "=" + v.path("value").asText(),
                        v.path("label").asText()));
            }
            collect(labels, formId, c.path("components"));
        }
    }

    public String field(String stepKey, String key) {
        return labels().fields().getOrDefault(stepKey + "/" + key, key);
    }

    /** Whether the step's form has this field. */
    public boolean hasField(String stepKey, String key) {
        return labels().fields().containsKey(stepKey + "/" + key);
    }

    /** Where the field stands in its form (depth first); a key the form does not have comes after all of them. */
    public int position(String stepKey, String key) {
        return labels().order().getOrDefault(stepKey + "/" + key, Integer.MAX_VALUE);
    }

    /**
     * A recorded value in words: option labels for choices, a day (stored yyyy-mm-dd) day first as it was typed,
     * "Có/Không" left to the template for booleans.
     */
    public String value(String stepKey, String key, Object value) {
        if (value instanceof Collection<?> many) {
            return many.stream().map(v -> value(stepKey, key, v)).collect(Collectors.joining(", "));
        }
        if (value instanceof String text && ISO_DAY.matcher(text).matches()) {
            try {
                return AdminDates.show(LocalDate.parse(text));
            } catch (DateTimeParseException notADay) {
                return text;
            }
        }
        return value == null ? "" : labels().values().getOrDefault(stepKey + "/" + key + "=" + value, value.toString());
    }

    /** Nested entries of a dynamic list (the plan's measures) are shown by the plan table, not here. */
    public boolean simple(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?>);
    }

    /** The plan's measure types, e.g. safety_monitoring → "Theo dõi an toàn". */
    public String measureType(String type) {
        return value("draft_plan", "measureType", type);
    }
}
