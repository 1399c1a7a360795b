package vn.trean.workflow.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Vietnamese working days: Monday to Friday, minus public holidays (including the Lunar New Year
 * days the government announces each year), plus the Saturdays it declares as make-up working days.
 * Deadlines keep the local time of day of their start, in the configured zone (Vietnam is UTC+7 all year).
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final ZoneId zone;

    public WorkingDayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays, ZoneId zone) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /**
     * The moment {@code workingDays} working days after {@code start}, at the same local time. A start on a
     * day off counts from the next working day: Saturday 10:00 plus one working day is Monday 10:00.
     */
    public Instant addWorkingDays(Instant start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        ZonedDateTime moment = start.atZone(zone);
        int counted = 0;
        while (counted < workingDays) {
            moment = moment.plusDays(1);
            if (isWorkingDay(moment.toLocalDate())) {
                counted++;
            }
        }
        return moment.toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
