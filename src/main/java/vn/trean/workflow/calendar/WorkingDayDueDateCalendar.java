package vn.trean.workflow.calendar;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's due-date business calendar. {@code P5WD} means five Vietnamese working days; every other
 * description (ISO 8601 durations and dates, e.g. {@code PT12H}) keeps the engine's standard meaning, so
 * that models written for stock Camunda still behave the same.
 */
public final class WorkingDayDueDateCalendar implements BusinessCalendar {

    private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,3})WD");

    private final WorkingDayCalendar workingDays;
    private final BusinessCalendar standard = new DueDateBusinessCalendar();

    public WorkingDayDueDateCalendar(WorkingDayCalendar workingDays) {
        this.workingDays = workingDays;
    }

    public static boolean isWorkingDayDescription(String description) {
        return description != null && WORKING_DAYS.matcher(description.trim()).matches();
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        Matcher matcher = WORKING_DAYS.matcher(description.trim());
        if (!matcher.matches()) {
            return standard.resolveDuedate(description, startDate);
        }
        Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
        return Date.from(workingDays.addWorkingDays(start.toInstant(), Integer.parseInt(matcher.group(1))));
    }
}
