package vn.trean.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Lunar New Year 2027: Friday 5 to Thursday 11 February. */
    private static final List<LocalDate> TET_2027 =
            LocalDate.of(2027, 2, 5).datesUntil(LocalDate.of(2027, 2, 12)).toList();

    /** A Saturday declared a make-up working day (as the government does around long holidays). */
    private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2027, 2, 20);

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(TET_2027, List.of(MAKE_UP_SATURDAY), HANOI);

    @Test
    void weekdaysAreWorkingDaysAndWeekendsAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 1))).as("Monday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 5))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 6))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 7))).as("Sunday").isFalse();
    }

    @Test
    void lunarNewYearDaysAreNotWorkingDays() {
        assertThat(TET_2027).allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse());
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
    }

    @Test
    void workingDaysWithinAWeekFollowOneAnother() {
        assertThat(calendar.addWorkingDays(at(2027, 3, 1, 10, 0), 3)).isEqualTo(at(2027, 3, 4, 10, 0));
    }

    @Test
    void weekendIsSkipped() {
        assertThat(calendar.addWorkingDays(at(2027, 3, 5, 10, 0), 1)).isEqualTo(at(2027, 3, 8, 10, 0));
        assertThat(calendar.addWorkingDays(at(2027, 3, 4, 10, 0), 5)).isEqualTo(at(2027, 3, 11, 10, 0));
    }

    @Test
    void lunarNewYearHolidaysAreSkipped() {
        assertThat(calendar.addWorkingDays(at(2027, 2, 4, 10, 0), 1)).isEqualTo(at(2027, 2, 12, 10, 0));
    }

    @Test
    void fiveWorkingDaysFromTheWednesdayBeforeTetEndTheWednesdayAfter() {
        assertThat(calendar.addWorkingDays(at(2027, 2, 3, 10, 0), 5)).isEqualTo(at(2027, 2, 17, 10, 0));
    }

    @Test
    void makeUpSaturdayCountsAsAWorkingDay() {
        assertThat(calendar.isWorkingDay(MAKE_UP_SATURDAY)).isTrue();
        assertThat(calendar.addWorkingDays(at(2027, 2, 19, 10, 0), 1)).isEqualTo(at(2027, 2, 20, 10, 0));
        assertThat(calendar.addWorkingDays(at(2027, 2, 19, 10, 0), 2)).isEqualTo(at(2027, 2, 22, 10, 0));
    }

    @Test
    void ordinarySaturdayDoesNotCountBecauseAnotherOneIsAMakeUpDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 27))).isFalse();
    }

    @Test
    void startOnASaturdayCountsFromMonday() {
        assertThat(calendar.addWorkingDays(at(2027, 3, 6, 10, 0), 1)).isEqualTo(at(2027, 3, 8, 10, 0));
        assertThat(calendar.addWorkingDays(at(2027, 3, 7, 10, 0), 1)).as("from a Sunday").isEqualTo(at(2027, 3, 8, 10, 0));
    }

    @Test
    void startOnAHolidayCountsFromTheFirstDayBackAtWork() {
        assertThat(calendar.addWorkingDays(at(2027, 2, 8, 9, 0), 1)).isEqualTo(at(2027, 2, 12, 9, 0));
    }

    @Test
    void zeroWorkingDaysIsTheStartItself() {
        Instant start = at(2027, 3, 2, 14, 30);
        assertThat(calendar.addWorkingDays(start, 0)).isEqualTo(start);
    }

    @Test
    void negativeWorkingDaysAreRejected() {
        assertThatThrownBy(() -> calendar.addWorkingDays(at(2027, 3, 2, 14, 30), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void timeOfDayIsKept() {
        assertThat(calendar.addWorkingDays(at(2027, 3, 1, 16, 45), 2)).isEqualTo(at(2027, 3, 3, 16, 45));
        assertThat(calendar.addWorkingDays(at(2027, 3, 1, 23, 59), 1)).isEqualTo(at(2027, 3, 2, 23, 59));
    }

    @Test
    void daysAreCountedInVietnameseLocalTimeNotUtc() {
        // Friday 06:00 in Hà Nội is still Thursday 23:00 in UTC: one working day later is Monday, not Friday
        Instant fridayMorningInHanoi = at(2027, 3, 5, 6, 0);
        assertThat(fridayMorningInHanoi).isEqualTo(Instant.parse("2027-03-04T23:00:00Z"));

        assertThat(calendar.addWorkingDays(fridayMorningInHanoi, 1)).isEqualTo(at(2027, 3, 8, 6, 0));
    }

    @Test
    void zoneIsTheConfiguredOne() {
        assertThat(calendar.zone()).isEqualTo(HANOI);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(HANOI).toInstant();
    }
}
