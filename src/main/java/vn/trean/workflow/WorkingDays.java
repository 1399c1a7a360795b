package vn.trean.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import vn.trean.workflow.calendar.WorkingDayCalendar;

/** Vietnamese working days, for modules that judge deadlines outside the engine (reports, boards). */
@Service
public class WorkingDays {

    private final WorkingDayCalendar calendar;

    WorkingDays(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant add(Instant start, int workingDays) {
        return calendar.addWorkingDays(start, workingDays);
    }

    /**
     * Whether a (Vietnam) day is a working day — not a weekend nor a holiday, or a make-up working day — by the
     * calendar as it is now, read once: for judging many deadlines at a time.
     */
    public Predicate<LocalDate> workingDayTest() {
        return calendar.workingDayTest();
    }
}
