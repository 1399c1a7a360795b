package vn.trean.workflow.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Vietnamese working days: Monday to Friday, minus public holidays (including the Lunar New Year
 * days the government announces each year), plus the Saturdays it declares as make-up working days.
 * Deadlines keep the local time of day of their start, in the configured zone (Vietnam is UTC+7 all year).
 *
 * <p>The days come from a {@link Days} source read once per computation: the holiday table in the app
 * (see {@link HolidayStore}), a fixed set in unit tests.
 */
public final class WorkingDayCalendar {

    /** The known days off and make-up days, and the years whose holidays have been configured. */
    public record Days(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays, Set<Integer> configuredYears) {

        public Days {
            holidays = Set.copyOf(holidays);
            makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
            configuredYears = Set.copyOf(configuredYears);
        }

        boolean isWorkingDay(LocalDate day) {
            if (makeUpWorkingDays.contains(day)) {
                return true;
            }
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            return !weekend && !holidays.contains(day);
        }
    }

    private final Supplier<Days> days;
    private final ZoneId zone;

    /** A fixed calendar; the years of the holidays given count as configured. */
    public WorkingDayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays, ZoneId zone) {
        Days fixed = new Days(Set.copyOf(holidays), Set.copyOf(makeUpWorkingDays),
                holidays.stream().map(LocalDate::getYear).collect(Collectors.toSet()));
        this.days = () -> fixed;
        this.zone = zone;
    }

    public WorkingDayCalendar(Supplier<Days> days, ZoneId zone) {
        this.days = days;
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.get().isWorkingDay(day);
    }

    /** {@link #isWorkingDay} with the days read once, for many days at a time. */
    public java.util.function.Predicate<LocalDate> workingDayTest() {
        return days.get()::isWorkingDay;
    }

    /**
     * The moment {@code workingDays} working days after {@code start}, at the same local time. A start on a
     * day off counts from the next working day: Saturday 10:00 plus one working day is Monday 10:00.
     */
    public Instant addWorkingDays(Instant start, int workingDays) {
        return addWorkingDays(days.get(), start, workingDays);
    }

    /** The same, with the given days (e.g. a year's holidays about to be saved). */
    public Instant addWorkingDays(Days known, Instant start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        ZonedDateTime moment = start.atZone(zone);
        int counted = 0;
        while (counted < workingDays) {
            moment = moment.plusDays(1);
            if (known.isWorkingDay(moment.toLocalDate())) {
                counted++;
            }
        }
        return moment.toInstant();
    }

    /**
     * The first year from {@code start} to {@code end} (local dates, both included) whose holidays are not
     * configured: a working-day deadline computed across it ignored that year's holidays.
     */
    public Optional<Integer> unconfiguredYearBetween(Instant start, Instant end) {
        return unconfiguredYearBetween(days.get(), start, end);
    }

    public Optional<Integer> unconfiguredYearBetween(Days known, Instant start, Instant end) {
        int from = start.atZone(zone).getYear();
        int to = end.atZone(zone).getYear();
        for (int year = from; year <= to; year++) {
            if (!known.configuredYears().contains(year)) {
                return Optional.of(year);
            }
        }
        return Optional.empty();
    }

    public boolean isConfigured(int year) {
        return days.get().configuredYears().contains(year);
    }

    public ZoneId zone() {
        return zone;
    }
}
