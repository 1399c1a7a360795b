package vn.trean.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * Checks submitted values against the step's Camunda Form (form-js JSON) on the server: the same
 * rules the browser applies (required, types, allowed values, lengths, ranges), so that a client that
 * skips the browser cannot store what the form forbids. Returns only the fields the form declares.
 */
final class FormSubmission {

    /** The conditions the shipped forms use: {@code =key != "value"} and {@code =key = "value"}. */
    private static final Pattern SIMPLE_CONDITION = Pattern.compile("=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*");
    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
            "radio", "select", "datetime", "taglist");

    /** Bounds for what a form leaves open: no step needs more, and the case file's columns hold no more. */
    static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_LIST_ITEMS = 30;
    static final int MAX_KEYS = 100;
    private static final int MAX_NUMBER_TEXT = 40;
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9999;

    private FormSubmission() {
    }

    static Map<String, Object> validate(ObjectMapper json, String formSchema, Map<String, Object> submitted) {
        JsonNode components = read(json, formSchema).path("components");
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> clean = validateComponents(components, submitted == null ? Map.of() : submitted, "", violations);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        return clean;
    }

    private static Map<String, Object> validateComponents(JsonNode components, Map<String, Object> values, String prefix,
                                                          List<Violation> violations) {
        Map<String, Object> clean = new LinkedHashMap<>();
        if (values.size() > MAX_KEYS) {
            // one answer for an oversized body, not one violation per key
            violations.add(new Violation(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1), "too-many",
                    MAX_KEYS));
            return clean;
        }
        Set<String> known = new HashSet<>();
        collect(components, values, prefix, clean, known, violations);
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                violations.add(new Violation(prefix + key, "unknown"));
            }
        }
        return clean;
    }

    private static void collect(JsonNode components, Map<String, Object> values, String prefix, Map<String, Object> clean,
                                Set<String> known, List<Violation> violations) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type)) {
                collect(c.path("components"), values, prefix, clean, known, violations);
            } else if ("dynamiclist".equals(type)) {
                String path = c.path("path").asText();
                known.add(path);
                dynamicList(c, values.get(path), prefix + path, violations).ifPresent(list -> clean.put(path, list));
            } else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
                String key = c.get("key").asText();
                known.add(key);
                // a disabled field shows what the server filled in (the review's open measures): never the client's
                if (hidden(c, values) || c.path("disabled").asBoolean()) {
                    continue;
                }
                Object value = field(c, type, values.get(key), prefix + key, violations);
                if (value != null) {
                    clean.put(key, value);
                }
            }
        }
    }

    private static java.util.Optional<List<Map<String, Object>>> dynamicList(JsonNode c, Object value, String path,
                                                                             List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(path, "required"));
            return java.util.Optional.empty();
        }
        if (!(value instanceof List<?> items)) {
            violations.add(new Violation(path, "list"));
            return java.util.Optional.empty();
        }
        if (items.isEmpty()) {
            violations.add(new Violation(path, "required"));
        }
        if (items.size() > MAX_LIST_ITEMS) {
            violations.add(new Violation(path, "too-many", MAX_LIST_ITEMS));
            return java.util.Optional.empty();
        }
        List<Map<String, Object>> clean = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
                @SuppressWarnings("unchecked")
                Map<String, Object> itemValues = (Map<String, Object>) item;
                clean.add(validateComponents(c.path("components"), itemValues, path + "[" + i + "].", violations));
            } else {
                violations.add(new Violation(path + "[" + i + "]", "object"));
            }
        }
        return java.util.Optional.of(clean);
    }

    private static Object field(JsonNode c, String type, Object value, String path, List<Violation> violations) {
        JsonNode rules = c.path("validate");
        boolean blank = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty());
        if ("checkbox".equals(type)) {
            if (value == null) {
                value = false;
            }
            if (!(value instanceof Boolean)) {
                violations.add(new Violation(path, "boolean"));
                return null;
            }
            if (rules.path("required").asBoolean() && !((Boolean) value)) {
                violations.add(new Violation(path, "required"));
            }
            return value;
        }
        if (blank) {
            if (rules.path("required").asBoolean()) {
                violations.add(new Violation(path, "required"));
            }
            return null;
        }
        return switch (type) {
            case "number" -> number(c, rules, value, path, violations);
            case "radio", "select" -> oneOf(c, value, path, violations);
            case "checklist", "taglist" -> manyOf(c, value, path, violations);
            case "datetime" -> dateTime(c, value, path, violations);
            default -> text(rules, value, path, violations);
        };
    }

    private static Object text(JsonNode rules, Object value, String path, List<Violation> violations) {
        if (!(value instanceof String s)) {
            violations.add(new Violation(path, "text"));
            return null;
        }
        if (vn.trean.problem.PlainText.refuses(s)) {
            violations.add(new Violation(path, "control-character"));
            return null;
        }
        int maxLength = Math.min(rules.path("maxLength").asInt(MAX_TEXT_LENGTH), MAX_TEXT_LENGTH);
        if (s.length() > maxLength) {
            violations.add(new Violation(path, "max-length", maxLength));
            return null;
        }
        if (rules.has("minLength") && s.length() < rules.get("minLength").asInt()) {
            violations.add(new Violation(path, "min-length", rules.get("minLength").asInt()));
        }
        if (rules.hasNonNull("pattern") && !Pattern.compile(rules.get("pattern").asText()).matcher(s).matches()) {
            violations.add(new Violation(path, "pattern"));
        }
        return s;
    }

    private static Object number(JsonNode c, JsonNode rules, Object value, String path, List<Violation> violations) {
        BigDecimal n;
        try {
            if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                throw new NumberFormatException("not finite");
            }
            String text = value instanceof Number num ? num.toString() : value instanceof String str ? str.trim() : "";
            if (text.length() > MAX_NUMBER_TEXT) {
                throw new NumberFormatException("too long");
            }
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            violations.add(new Violation(path, "number"));
            return null;
        }
        // whatever the form allows, a number beyond these bounds cannot be stored (nor means anything here)
        if (n.abs().compareTo(MAX_NUMBER) > 0) {
            violations.add(new Violation(path, n.signum() > 0 ? "max" : "min",
                    (n.signum() > 0 ? MAX_NUMBER : MAX_NUMBER.negate()).toPlainString()));
            return null;
        }
        if (c.has("decimalDigits") && Math.max(n.stripTrailingZeros().scale(), 0) > c.get("decimalDigits").asInt()) {
            violations.add(new Violation(path, c.get("decimalDigits").asInt() == 0 ? "integer" : "number"));
            return null;
        }
        if (rules.has("min") && n.compareTo(rules.get("min").decimalValue()) < 0) {
            violations.add(new Violation(path, "min", rules.get("min").asText()));
        }
        if (rules.has("max") && n.compareTo(rules.get("max").decimalValue()) > 0) {
            violations.add(new Violation(path, "max", rules.get("max").asText()));
        }
        return n.stripTrailingZeros().scale() <= 0 ? (Object) n.longValue() : n;
    }

    private static Object oneOf(JsonNode c, Object value, String path, List<Violation> violations) {
        if (!(value instanceof String s) || !allowed(c).contains(s)) {
            violations.add(new Violation(path, "one-of", String.join(", ", allowed(c))));
            return null;
        }
        return s;
    }

    private static Object manyOf(JsonNode c, Object value, String path, List<Violation> violations) {
        Set<String> allowed = allowed(c);
        if (!(value instanceof List<?> list) || list.size() > allowed.size() || list.stream().distinct().count() < list.size()
                || !list.stream().allMatch(v -> v instanceof String s && allowed.contains(s))) {
            violations.add(new Violation(path, "one-of", String.join(", ", allowed)));
            return null;
        }
        return List.copyOf(list);
    }

    private static Object dateTime(JsonNode c, Object value, String path, List<Violation> violations) {
        try {
            if (!(value instanceof String s) || s.length() > 40) {
                throw new DateTimeParseException("not an ISO text", String.valueOf(value), 0);
            }
            int year;
            String clean;
            if ("date".equals(c.path("subtype").asText())) {
                LocalDate date = LocalDate.parse(s);
                year = date.getYear();
                clean = date.toString();
            } else {
                LocalDateTime local;
                try {
                    OffsetDateTime moment = OffsetDateTime.parse(s);
                    local = moment.toLocalDateTime();
                    clean = moment.toString();
                } catch (DateTimeParseException notOffset) {
                    local = LocalDateTime.parse(s);
                    clean = local.toString();
                }
                year = local.getYear();
            }
            if (year < MIN_YEAR || year > MAX_YEAR) {
                violations.add(new Violation(path, "year-range"));
                return null;
            }
            return clean;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(path, "date".equals(c.path("subtype").asText()) ? "date" : "date-time"));
            return null;
        }
    }

    private static Set<String> allowed(JsonNode c) {
        Set<String> values = new java.util.LinkedHashSet<>();
        c.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    private static boolean hidden(JsonNode c, Map<String, Object> values) {
        String hide = c.path("conditional").path("hide").asText(null);
        if (hide == null) {
            return false;
        }
        Matcher m = SIMPLE_CONDITION.matcher(hide);
        if (!m.matches()) {
            return false;
        }
        boolean equal = m.group(3).equals(String.valueOf(values.get(m.group(1))));
        return "=".equals(m.group(2)) == equal;
    }

    private static JsonNode read(ObjectMapper json, String schema) {
        try {
            return json.readTree(schema);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the deployed form is not JSON", e);
        }
    }
}
