package vn.trean.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseView;

/**
 * The case file's timeline in words (issue 11 item 6): people and agencies by name, the engine's own actions as
 * "Hệ thống Trẻ An" in a sentence, times in Vietnam time as the rest of the app shows them, and a step's answers in
 * its form's order under its form's labels. Only the steps {@link CaseSheet} let through are given to it.
 */
@Component("caseTimeline")
public class CaseTimeline {

    /** Who the engine completes a step as (workflow's StepCompletion, ForwardToCommune). */
    static final String ENGINE_ACTOR = "system";
    /** Entries the engine records by itself, no one's task. */
    private static final Set<String> ENGINE_ENTRIES = Set.of("forward_to_commune", "emergency_reported",
            "separation_reported", vn.trean.oversight.Oversight.BREACH_ENTRY);
    private static final Pattern ISO_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?");

    private static final Pattern WITH_OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}$");

    private final FormLabels forms;
    private final PageFormat format;
    private final MessageSource messages;

    CaseTimeline(FormLabels forms, PageFormat format, MessageSource messages) {
        this.forms = forms;
        this.format = format;
        this.messages = messages;
    }

    /** One entry of the timeline as the page shows it. */
    record Entry(String stepKey, String title, String agency, Instant openedAt, Instant dueAt, Instant completedAt,
                 Long lateSeconds, String doneBy, String sentence, List<Answer> answers, Instant endedAt) {
    }

    /** A recorded answer: the form's label and the value in words. */
    record Answer(String key, String label, String value) {
    }

    /**
     * @param agencies     agency id → name
     * @param communeNames commune code → name
     * @param people       username → display name (a name it does not know stays as it is)
     */
    List<Entry> of(List<CaseView.Step> steps, Map<String, String> agencies, Map<String, String> communeNames,
                   Function<String, String> people) {
        Locale locale = LocaleContextHolder.getLocale();
        forms.refresh();
        List<Entry> entries = new ArrayList<>();
        for (CaseView.Step s : steps) {
            String key = s.stepKey();
            Names names = new Names(agencies, communeNames, people);
            List<Answer> answers = answers(key, s.data(), names, locale);
            boolean byEngine = ENGINE_ACTOR.equals(s.completedBy()) || ENGINE_ENTRIES.contains(key);
            String doneBy = s.completedBy() == null || byEngine ? null : people.apply(s.completedBy());
            String sentence = byEngine && s.completedAt() != null ? engineSentence(s, names, locale) : null;
            entries.add(new Entry(key, message("page.step." + key, key, locale),
                    s.agencyId() == null ? null : agencies.getOrDefault(s.agencyId(), s.agencyId()), s.openedAt(),
                    s.dueAt(), s.completedAt(), s.lateSeconds(), doneBy, sentence, answers, s.endedAt()));
        }
        return entries;
    }

    /** "Hệ thống Trẻ An đã tự động chuyển thông tin đến UBND phường Ba Đình lúc 25/11/2026 08:30." */
    private String engineSentence(CaseView.Step s, Names names, Locale locale) {
        String at = format.dateTime(s.completedAt());
        Map<String, Object> data = s.data() == null ? Map.of() : s.data();
        Object to = data.containsKey("to") ? data.get("to") : data.get("reportedTo");
        if (to != null) {
            String specific = messages.getMessage("page.case.engine." + s.stepKey(),
                    new Object[] {names.words(to), at}, null, locale);
            if (specific != null) {
                return specific;
            }
        }
        return messages.getMessage("page.case.engine.recorded", new Object[] {at}, locale);
    }

    private List<Answer> answers(String stepKey, Map<String, Object> data, Names names, Locale locale) {
        if (data == null || data.isEmpty()) {
            return List.of();
        }
        List<String> keys = data.keySet().stream().filter(k -> forms.simple(data.get(k)))
                .sorted(Comparator.comparingInt((String k) -> forms.position(stepKey, k))).toList();
        List<Answer> answers = new ArrayList<>();
        for (String k : keys) {
            String own = messages.getMessage("page.entry." + stepKey + "." + k, null, null, locale);
            if (own == null && !forms.hasField(stepKey, k)) {
                continue; // what no form asks and no entry names is the engine's bookkeeping, not an answer
            }
            String label = own != null ? own : forms.field(stepKey, k);
            answers.add(new Answer(k, label, value(stepKey, k, data.get(k), names, locale)));
        }
        return answers;
    }

    private String value(String stepKey, String key, Object value, Names names, Locale locale) {
        if (value instanceof Boolean yes) {
            return message(yes ? "page.yes" : "page.no", yes.toString(), locale);
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(v -> value(stepKey, key, v, names, locale)).collect(Collectors.joining(", "));
        }
        if (value instanceof String text) {
            if (key.endsWith("CommuneCode") && names.communes().containsKey(text)) {
                return names.communes().get(text);
            }
            // issue 12 item 1: a breach names its step by key, its reason by code
            if (key.endsWith("StepKey")) {
                return message("page.step." + text, text, locale);
            }
            if (vn.trean.oversight.Breaches.REASON_ENTRY.equals(stepKey) && "reasonCode".equals(key)) {
                return message("page.breaches.reason." + text, text, locale);
            }
            if (names.agencies().containsKey(text)) {
                return names.agencies().get(text);
            }
            if (key.endsWith("By")) {
                return names.people().apply(text);
            }
            if (ISO_TIME.matcher(text).matches()) {
                Instant at = instant(text);
                if (at != null) {
                    return format.dateTime(at);
                }
            }
        }
        return forms.value(stepKey, key, value);
    }

    /** A time a form or the engine stored: with its offset, or a local time typed in Vietnam. */
    private static Instant instant(String text) {
        try {
            return text.endsWith("Z") || WITH_OFFSET.matcher(text).find() ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).atZone(PageFormat.VIETNAM).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private record Names(Map<String, String> agencies, Map<String, String> communes, Function<String, String> people) {
        String words(Object ids) {
            Collection<?> many = ids instanceof Collection<?> c ? c : List.of(ids);
            return many.stream().map(String::valueOf).map(id -> agencies.getOrDefault(id, id))
                    .collect(Collectors.joining(", "));
        }
    }

    /** The parts that are there, "·" between them: a parent's or informant's line on the case file. */
    public String joined(Object... parts) {
        return java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).map(String::valueOf)
                .filter(p -> !p.isBlank()).collect(Collectors.joining(" · "));
    }

    private String message(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }
}
