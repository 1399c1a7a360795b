package vn.trean.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * The dates a step records, checked against the case: nothing a step records can have happened before
 * the report was received, and what it records as done (a decision, a meeting, a petition) cannot lie in
 * the future. Runs on values {@link FormSubmission} has already checked for form.
 */
final class FormDates {

    /** Fields that plan ahead (a measure's start and end): they may lie in the future. */
    private static final Set<String> PLANNED = Set.of("startDate", "endDate");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final LocalDate receivedOn;
    private final LocalDate today;
    private final ZoneId zone;
    private final List<Violation> violations = new ArrayList<>();

    private FormDates(LocalDate receivedOn, LocalDate today, ZoneId zone) {
        this.receivedOn = receivedOn;
        this.today = today;
        this.zone = zone;
    }

    /**
     * @param receivedOn the day the case's report was received (Vietnam time), or null for a step of no case
     * @param today      the day it is now (Vietnam time, the engine's clock)
     */
    static List<Violation> check(JsonNode components, Map<String, Object> values, LocalDate receivedOn, LocalDate today,
                                 ZoneId zone) {
        FormDates dates = new FormDates(receivedOn, today, zone);
        dates.walk(components, values, "");
        return dates.violations;
    }

    private void walk(JsonNode components, Map<String, Object> values, String prefix) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type)) {
                walk(c.path("components"), values, prefix);
            } else if ("dynamiclist".equals(type) && values.get(c.path("path").asText()) instanceof List<?> items) {
                String path = c.path("path").asText();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> itemValues = (Map<String, Object>) item;
                        walk(c.path("components"), itemValues, prefix + path + "[" + i + "].");
                    }
                }
            } else if ("datetime".equals(type) && c.hasNonNull("key") && values.get(c.get("key").asText()) instanceof String s) {
                date(c.get("key").asText(), s, prefix);
            }
        }
    }

    private void date(String key, String value, String prefix) {
        LocalDate day = dayOf(value);
        if (receivedOn != null && day.isBefore(receivedOn)) {
            violations.add(new Violation(prefix + key, "before-receipt", receivedOn.format(SHOWN)));
        } else if (!PLANNED.contains(key) && day.isAfter(today)) {
            violations.add(new Violation(prefix + key, "date-in-future"));
        }
    }

    /** The day of a value {@link FormSubmission} accepted: a date, a local date-time or one with an offset. */
    private LocalDate dayOf(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value);
        }
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDate();
        } catch (java.time.format.DateTimeParseException local) {
            return LocalDateTime.parse(value).toLocalDate();
        }
    }
}
