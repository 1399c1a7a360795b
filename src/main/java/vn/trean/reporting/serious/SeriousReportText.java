package vn.trean.reporting.serious;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes a serious-case report's facts as the text the province department reads, from the message bundles. */
@Component
class SeriousReportText {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The labels of the values a step recorded: risk levels, yes/no/unclear, the agencies involved. */
    private static final String VALUE = "report.serious.value.";

    private final MessageSource messages;

    SeriousReportText(MessageSource messages) {
        this.messages = messages;
    }

    String write(SeriousReportFacts facts, Locale locale) {
        Lines text = new Lines(locale);
        text.add("title").add("case", facts.caseNumber());
        text.add("what-happened")
                .add("place", facts.place().communeName(), facts.place().provinceName())
                .add("received", time(facts.receivedAt(), locale))
                .add("category", label("page.category." + facts.category(), facts.category(), locale));
        if (!facts.abuseForms().isEmpty()) {
            text.add("abuse-forms", labels("page.abuse.", facts.abuseForms(), locale));
        }
        var child = facts.child();
        String sex = label("page.sex." + child.sex(), child.sex(), locale);
        if (child.ageYears() == null) {
            text.add("child-no-age", child.initials(), sex);
        } else {
            text.add("child", child.initials(), child.ageYears(), sex);
        }
        text.add("emergency", yesNo(facts.emergency(), locale));
        if (facts.riskLevel() != null) {
            text.add("risk", label(VALUE + facts.riskLevel(), facts.riskLevel(), locale));
        }
        text.add("measures", time(facts.twelveHoursEndAt(), locale));
        if (facts.measures().isEmpty()) {
            text.add("no-measures");
        }
        for (SeriousReportFacts.Measure measure : facts.measures()) {
            text.add(measure.withinTwelveHours() ? "measure" : "measure-late", time(measure.completedAt(), locale),
                    label("page.step." + measure.step(), measure.step(), locale),
                    measure.agencyName() == null ? "—" : measure.agencyName());
            recorded(measure.recorded(), text, locale);
        }
        var status = facts.status();
        text.add("status-heading")
                .add("status", label("page.status." + status.status(), status.status(), locale))
                .add("protection-level", status.protectionLevel() == null ? text("report.serious.not-yet", locale)
                        : label("page.level." + status.protectionLevel(), status.protectionLevel(), locale))
                .add("open-steps", status.openSteps().isEmpty() ? text("report.serious.none", locale)
                        : labels("page.step.", status.openSteps(), locale))
                .add("separation", yesNo(status.separationDecided(), locale));
        if (status.handlingOutcome() != null) {
            text.add("handling", label("page.case.handling-outcome." + status.handlingOutcome(),
                    status.handlingOutcome(), locale));
        }
        var reporter = facts.reporter();
        text.add("reporter", reporter.name(), reporter.agencyName(), time(reporter.sentAt(), locale));
        return text.toString();
    }

    private void recorded(Map<String, Object> recorded, Lines text, Locale locale) {
        recorded.forEach((field, value) -> {
            String shown = value instanceof Boolean yes ? yesNo(yes, locale)
                    : value instanceof List<?> many ? many.stream()
                            .map(v -> label(VALUE + v, String.valueOf(v), locale)).collect(Collectors.joining(", "))
                    : label(VALUE + value, String.valueOf(value), locale);
            text.add("recorded", label("report.serious.field." + field, field, locale), shown);
        });
    }

    private String labels(String prefix, List<String> codes, Locale locale) {
        return codes.stream().map(code -> label(prefix + code, code, locale)).collect(Collectors.joining(", "));
    }

    private String yesNo(boolean yes, Locale locale) {
        return text(yes ? "page.yes" : "page.no", locale);
    }

    private String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern(text("mail.date-format", locale), locale).withZone(VIETNAM).format(instant);
    }

    private String label(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    /** The report's lines, each a message {@code report.serious.<key>}. */
    private final class Lines {

        private final StringBuilder text = new StringBuilder();
        private final Locale locale;

        Lines(Locale locale) {
            this.locale = locale;
        }

        Lines add(String key, Object... args) {
            text.append(messages.getMessage("report.serious." + key, args, locale)).append('\n');
            return this;
        }

        @Override
        public String toString() {
            return text.toString().stripTrailing();
        }
    }
}
