package vn.trean.workflow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.WorkflowEvents.HolidaysChanged;
import vn.trean.workflow.calendar.DueDateRecalculation;
import vn.trean.workflow.calendar.HolidayStore;
import vn.trean.workflow.calendar.WorkingDayCalendar;

/**
 * The holidays and make-up working days of each year, as administrators keep them (issue 8, item 7).
 * Saving a year recalculates, in the same transaction, the due dates of the open working-day timers
 * and tasks, and is audited with the year's days before and after.
 */
@Service
public class HolidayCalendar {

    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_DATES = 60;
    public static final int MAX_LABEL = 100;
    public static final int MAX_REASON = 500;
    /** From this month on, next year's holidays are expected to be configured. */
    public static final Month WARN_FROM = Month.OCTOBER;

    public record HolidayDay(LocalDate date, String label) {
    }

    /** A year's days; {@code configured} false (and no days) for a year nobody has saved yet. */
    public record HolidayYear(int year, boolean configured, List<HolidayDay> holidays, List<HolidayDay> makeUpWorkingDays,
                              String configuredBy, Instant configuredAt, String reason) {
    }

    public record YearSummary(int year, int holidays, int makeUpWorkingDays, String configuredBy, Instant configuredAt) {
    }

    /** What the open work was moved by a save. */
    public record Recalculated(int timers, int tasks) {
    }

    private final HolidayStore store;
    private final WorkingDayCalendar calendar;
    private final DueDateRecalculation recalculation;
    private final ApplicationEventPublisher events;

    HolidayCalendar(HolidayStore store, WorkingDayCalendar calendar, DueDateRecalculation recalculation,
                    ApplicationEventPublisher events) {
        this.store = store;
        this.calendar = calendar;
        this.recalculation = recalculation;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<YearSummary> years() {
        return store.years();
    }

    @Transactional(readOnly = true)
    public HolidayYear year(int year) {
        checkYear(year);
        return store.year(year).orElse(new HolidayYear(year, false, List.of(), List.of(), null, null, null));
    }

    /**
     * The year whose holidays are missing though it is near: next year, from 1 October (engine clock,
     * Vietnam's date), when nobody has configured it; otherwise empty.
     */
    public Optional<Integer> missingNextYear() {
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), calendar.zone());
        int next = today.getYear() + 1;
        return today.getMonthValue() >= WARN_FROM.getValue() && !calendar.isConfigured(next)
                ? Optional.of(next) : Optional.empty();
    }

    /**
     * Replaces the year's holidays and make-up working days. Refused as a whole, naming each bad field,
     * when the year is outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}, a list holds more than
     * {@value #MAX_DATES} dates, a date lies outside the year or twice, a make-up day is not a Saturday or
     * Sunday, or a date is in both lists, or there is no holiday at all.
     */
    @Transactional
    public Recalculated replace(int year, List<HolidayDay> holidays, List<HolidayDay> makeUpWorkingDays, String reason,
                                String actor) {
        checkYear(year);
        List<HolidayDay> offDays = holidays == null ? List.of() : holidays;
        List<HolidayDay> makeUp = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
        List<Violation> violations = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            violations.add(new Violation("reason", "required"));
        } else if (reason.length() > MAX_REASON) {
            violations.add(new Violation("reason", "max-length", MAX_REASON));
        }
        if (offDays.isEmpty()) {
            // every year has New Year's Day at least: an empty list is a mistake, not a configured year
            violations.add(new Violation("holidays", "required"));
        } else if (offDays.size() + makeUp.size() > MAX_DATES) {
            violations.add(new Violation(offDays.size() > makeUp.size() ? "holidays" : "makeUpWorkingDays",
                    "holiday-too-many", MAX_DATES));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            check("holidays", offDays, year, false, seen, violations);
            check("makeUpWorkingDays", makeUp, year, true, seen, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        HolidayYear before = store.year(year).orElse(null);
        store.replace(year, offDays.stream().map(HolidayCalendar::trimmed).toList(),
                makeUp.stream().map(HolidayCalendar::trimmed).toList(), actor, EngineClock.now(), reason.trim(), false);
        Recalculated moved = recalculation.recalculate(store.load());
        events.publishEvent(new HolidaysChanged(actor, year, reason.trim(), before == null ? null : snapshot(before),
                snapshot(store.year(year).orElseThrow()), moved.timers(), moved.tasks()));
        return moved;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidFieldsProblem(HttpStatus.BAD_REQUEST, "invalid-fields",
                    List.of(new Violation("year", "holiday-year-range", FIRST_YEAR, LAST_YEAR)));
        }
    }

    private static void check(String field, List<HolidayDay> days, int year, boolean makeUp, Set<LocalDate> seen,
                              List<Violation> violations) {
        for (int i = 0; i < days.size(); i++) {
            HolidayDay day = days.get(i);
            String path = field + "[" + i + "]";
            if (day == null || day.date() == null) {
                violations.add(new Violation(path + ".date", "required"));
                continue;
            }
            if (day.date().getYear() != year) {
                violations.add(new Violation(path + ".date", "holiday-outside-year", year));
            } else if (!seen.add(day.date())) {
                violations.add(new Violation(path + ".date", "holiday-twice"));
            } else if (makeUp && day.date().getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
                violations.add(new Violation(path + ".date", "holiday-make-up-weekday"));
            }
            if (day.label() != null && day.label().length() > MAX_LABEL) {
                violations.add(new Violation(path + ".label", "max-length", MAX_LABEL));
            }
        }
    }

    private static HolidayDay trimmed(HolidayDay day) {
        String label = day.label() == null || day.label().isBlank() ? null : day.label().trim();
        return new HolidayDay(day.date(), label);
    }

    private static Map<String, Object> snapshot(HolidayYear year) {
        Map<String, Object> days = new LinkedHashMap<>();
        days.put("holidays", year.holidays().stream().map(d -> d.date().toString()).toList());
        days.put("makeUpWorkingDays", year.makeUpWorkingDays().stream().map(d -> d.date().toString()).toList());
        return days;
    }
}
