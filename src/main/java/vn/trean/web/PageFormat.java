package vn.trean.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.trean.workflow.EngineClock;

/**
 * Dates, times and durations as the pages show them: in Vietnam time whatever the server's zone, and
 * in the page's language. Templates call it as {@code ${@pageFormat.dateTime(row.dueAt)}}.
 */
@Component("pageFormat")
public class PageFormat {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    PageFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** The deadlines' notion of now: the engine's clock, which tests move instead of waiting. */
    public Instant now() {
        return EngineClock.now();
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VIETNAM));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** An amount in đồng with the Vietnamese thousands separator: 1.500.000 đ. */
    public String money(Long dong) {
        return dong == null ? "" : String.format(Locale.GERMANY, "%,d đ", dong);
    }

    /** ISO form for {@code <time datetime>} and the countdown scripts. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "còn 3 giờ 20 phút" before a deadline, "quá hạn 2 ngày 4 giờ" after it. */
    public String timeLeft(Instant deadline) {
        if (deadline == null) {
            return "";
        }
        Duration left = Duration.between(now(), deadline);
        return left.isNegative()
                ? message("page.time.late", duration(left.negated()))
                : message("page.time.left", duration(left));
    }

    /** How late a step was done, or empty when it was on time. */
    public String late(Long lateSeconds) {
        return lateSeconds == null || lateSeconds <= 0 ? "" : duration(Duration.ofSeconds(lateSeconds));
    }

    /** Days, hours and minutes, the largest two units that are not zero. */
    public String duration(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return hours > 0 ? message("page.time.days-hours", days, hours) : message("page.time.days", days);
        }
        if (hours > 0) {
            return minutes > 0 ? message("page.time.hours-minutes", hours, minutes) : message("page.time.hours", hours);
        }
        return message("page.time.minutes", Math.max(minutes, 0));
    }

    public boolean overdue(Instant deadline) {
        return deadline != null && deadline.isBefore(now());
    }

    /** Ids by their names (an id without one as it is), comma-separated: e.g. the agencies an emergency was reported to. */
    public String names(Object ids, Map<String, String> names) {
        Collection<?> many = ids instanceof Collection<?> c ? c : List.of(ids);
        return many.stream().map(String::valueOf).map(id -> names.getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    private String message(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
