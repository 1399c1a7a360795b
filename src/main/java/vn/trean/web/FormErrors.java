package vn.trean.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.trean.problem.InvalidFieldsProblem;

/** The messages a re-rendered form shows next to its fields, in the page's language; the first per field wins. */
final class FormErrors {

    private final MessageSource messages;
    private final Locale locale = LocaleContextHolder.getLocale();
    private final Map<String, String> byField = new LinkedHashMap<>();

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    void add(String field, String code, Object... args) {
        byField.putIfAbsent(field, messages.getMessage(code, args, code, locale));
    }

    /** The problems a service found, under the names the form gives its fields. */
    void addAll(InvalidFieldsProblem problem, Map<String, String> formFieldOf) {
        problem.violations().forEach(v -> add(formFieldOf.getOrDefault(v.field(), v.field()), "field." + v.code(),
                v.args()));
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    Map<String, String> asMap() {
        return byField;
    }
}
