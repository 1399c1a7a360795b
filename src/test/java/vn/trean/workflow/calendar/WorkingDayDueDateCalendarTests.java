package vn.trean.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkingDayDueDateCalendarTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<LocalDate> TET_2027 =
            LocalDate.of(2027, 2, 5).datesUntil(LocalDate.of(2027, 2, 12)).toList();

    private final WorkingDayDueDateCalendar dueDates =
            new WorkingDayDueDateCalendar(new WorkingDayCalendar(TET_2027, List.of(), HANOI));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void workingDayDescriptionsAreRecognised() {
        assertThat(WorkingDayDueDateCalendar.isWorkingDayDescription("P5WD")).isTrue();
        assertThat(WorkingDayDueDateCalendar.isWorkingDayDescription("P1WD")).isTrue();
        assertThat(WorkingDayDueDateCalendar.isWorkingDayDescription(" P15WD ")).isTrue();
        assertThat(WorkingDayDueDateCalendar.isWorkingDayDescription("P5D")).isFalse();
        assertThat(WorkingDayDueDateCalendar.isWorkingDayDescription("PT12H")).isFalse();
        assertThat(WorkingDayDueDateCalendar.isWorkingDayDescription("PWD")).isFalse();
        assertThat(WorkingDayDueDateCalendar.isWorkingDayDescription(null)).isFalse();
    }

    @Test
    void fiveWorkingDaysFromAGivenStartSkipTheWeekendAndTet() {
        assertThat(dueDates.resolveDuedate("P5WD", at(2027, 2, 3, 10, 0))).isEqualTo(at(2027, 2, 17, 10, 0));
    }

    @Test
    void workingDaysCountFromTheEngineClockWhenNoStartIsGiven() {
        ClockUtil.setCurrentTime(at(2027, 2, 3, 10, 0));

        assertThat(dueDates.resolveDuedate("P5WD")).isEqualTo(at(2027, 2, 17, 10, 0));
        assertThat(dueDates.resolveDuedate("P2WD", (Task) null)).isEqualTo(at(2027, 2, 12, 10, 0));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(dueDates.resolveDuedate(" P1WD ", at(2027, 3, 5, 10, 0))).isEqualTo(at(2027, 3, 8, 10, 0));
    }

    @Test
    void zeroWorkingDaysIsTheStart() {
        assertThat(dueDates.resolveDuedate("P0WD", at(2027, 3, 2, 10, 0))).isEqualTo(at(2027, 3, 2, 10, 0));
    }

    @Test
    void isoHoursKeepTheirStandardMeaningEvenIntoAHoliday() {
        Date thursdayEvening = at(2027, 2, 4, 20, 0);

        assertThat(dueDates.resolveDuedate("PT12H", thursdayEvening)).isEqualTo(at(2027, 2, 5, 8, 0));
    }

    @Test
    void isoDaysAreCalendarDaysThroughWeekendsAndTet() {
        assertThat(dueDates.resolveDuedate("P15D", at(2027, 2, 1, 9, 0))).isEqualTo(at(2027, 2, 16, 9, 0));
    }

    @Test
    void isoDurationsCountFromTheEngineClockWhenNoStartIsGiven() {
        Date now = at(2027, 3, 1, 8, 0);
        ClockUtil.setCurrentTime(now);

        assertThat(dueDates.resolveDuedate("PT24H")).isEqualTo(Date.from(now.toInstant().plus(Duration.ofHours(24))));
        assertThat(dueDates.resolveDuedate("P15D", (Task) null))
                .isEqualTo(Date.from(now.toInstant().plus(Duration.ofDays(15))));
    }

    @Test
    void isoDatesKeepTheirStandardMeaning() {
        assertThat(dueDates.resolveDuedate("2027-03-01T10:00:00+07:00")).isEqualTo(at(2027, 3, 1, 10, 0));
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(HANOI).toInstant());
    }
}
