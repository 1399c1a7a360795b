package vn.trean.reporting;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When each level owes its periodic reports to the level above, from configuration
 * ({@code trean.reporting.calendar}; procedure.md §7 gives the defaults: communes by 25 May and 20 November,
 * provinces to the ministry by 20 May and 15 November). A report is due in the year whose figures it carries.
 */
@Component
@EnableConfigurationProperties(ReportingSettings.class)
public class ReportCalendar {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final Map<ReportingLevel, Map<ReportKind, MonthDay>> dueDays = new EnumMap<>(ReportingLevel.class);

    ReportCalendar(ReportingSettings settings) {
        var calendar = settings.calendar() == null ? Map.<ReportingLevel, Map<ReportKind, String>>of() : settings.calendar();
        for (ReportingLevel level : ReportingLevel.values()) {
            Map<ReportKind, MonthDay> days = new EnumMap<>(ReportKind.class);
            for (ReportKind kind : ReportKind.values()) {
                String day = calendar.getOrDefault(level, Map.of()).get(kind);
                days.put(kind, parse(level, kind, day));
            }
            dueDays.put(level, days);
        }
    }

    private static MonthDay parse(ReportingLevel level, ReportKind kind, String day) {
        String key = "trean.reporting.calendar.%s.%s".formatted(level.name().toLowerCase(),
                kind.name().toLowerCase().replace('_', '-'));
        if (day == null || day.isBlank()) {
            throw new IllegalStateException(key + " is not set: the day (MM-dd) the report is due");
        }
        try {
            return MonthDay.parse(day.strip(), MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(key + " = '" + day + "' is not a day of the year as MM-dd (e.g. 05-25)", e);
        }
    }

    /**
     * A periodic report a level owes: its kind, the year whose figures it carries, the day it is due, and the
     * period it covers.
     */
    public record DueReport(ReportingLevel level, ReportKind kind, int year, LocalDate dueOn, LocalDate periodFrom,
                            LocalDate periodTo) {
    }

    /** The reports {@code level} owes in {@code year}, by due date. */
    public List<DueReport> ofYear(ReportingLevel level, int year) {
        return Arrays.stream(ReportKind.values())
                .map(kind -> new DueReport(level, kind, year, dueDays.get(level).get(kind).atYear(year),
                        kind.periodFrom(year), kind.periodTo(year)))
                .sorted(Comparator.comparing(DueReport::dueOn))
                .toList();
    }

    /** The next report {@code level} owes on {@code day}: the first one due on that day or later. */
    public DueReport next(ReportingLevel level, LocalDate day) {
        return ofYear(level, day.getYear()).stream()
                .filter(report -> !report.dueOn().isBefore(day))
                .findFirst()
                .orElseGet(() -> ofYear(level, day.getYear() + 1).get(0));
    }

    /** For each level, the next report it owes on {@code day}. */
    public List<DueReport> next(LocalDate day) {
        return Arrays.stream(ReportingLevel.values()).map(level -> next(level, day)).toList();
    }
}
