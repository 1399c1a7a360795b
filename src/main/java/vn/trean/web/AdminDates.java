package vn.trean.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Days typed into the administration forms: day first (dd/mm/yyyy), as the rest of the app shows and takes
 * them, in plain text fields that work without a script. ISO days (yyyy-mm-dd) are taken too.
 */
final class AdminDates {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private AdminDates() {
    }

    /**
     * The day typed in {@code field}, null when left blank; an unreadable day puts {@code admin.date.invalid}
     * under the field in {@code errors} and gives null.
     */
    static LocalDate parse(String field, String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : LocalDate.parse(text, DAY_FIRST);
        } catch (DateTimeParseException e) {
            errors.add(field, "admin.date.invalid");
            return null;
        }
    }

    static String show(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
    }
}
