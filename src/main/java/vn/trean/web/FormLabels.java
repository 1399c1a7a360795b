package vn.trean.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The labels of the steps' forms (forms/*.form, the same files the process deploys), so that the
 * timeline shows what was recorded as the person who recorded it saw it: "Mức độ nguy cơ: Cao"
 * rather than "riskLevel: high".
 */
@Component("formLabels")
public class FormLabels {

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, String> fieldLabels = new HashMap<>();
    private final Map<String, String> valueLabels = new HashMap<>();

    FormLabels(ObjectMapper json) throws IOException {
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                JsonNode schema = json.readTree(in);
                collect(schema.path("id").asText(), schema.path("components"));
            }
        }
    }

    private void collect(String formId, JsonNode components) {
        for (JsonNode c : components) {
            String key = c.hasNonNull("key") ? c.get("key").asText() : c.path("path").asText(null);
            if (key != null && c.hasNonNull("label")) {
                fieldLabels.put(formId + "/" + key, c.get("label").asText());
                c.path("values").forEach(v -> valueLabels.put(formId + "/" + key + "=" + v.path("value").asText(),
                        v.path("label").asText()));
            }
            collect(formId, c.path("components"));
        }
    }

    public String field(String stepKey, String key) {
        return fieldLabels.getOrDefault(stepKey + "/" + key, key);
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
        return value == null ? "" : valueLabels.getOrDefault(stepKey + "/" + key + "=" + value, value.toString());
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
