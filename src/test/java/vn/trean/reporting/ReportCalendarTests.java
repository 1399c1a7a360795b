package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.trean.reporting.ReportCalendar.DueReport;

class ReportCalendarTests {

    private static final ReportCalendar CALENDAR = new ReportCalendar(new ReportingSettings(Map.of(
            ReportingLevel.COMMUNE, Map.of(ReportKind.SIX_MONTHS, "05-25", ReportKind.ANNUAL, "11-20"),
            ReportingLevel.PROVINCE, Map.of(ReportKind.SIX_MONTHS, "05-20", ReportKind.ANNUAL, "11-15"))));

    @Test
    void theNextReportIsTheFirstDueOnTheDayOrLater() {
        assertThat(CALENDAR.next(ReportingLevel.COMMUNE, LocalDate.of(2026, 3, 1))).isEqualTo(new DueReport(
                ReportingLevel.COMMUNE, ReportKind.SIX_MONTHS, 2026, LocalDate.of(2026, 5, 25), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30)));
        assertThat(CALENDAR.next(ReportingLevel.COMMUNE, LocalDate.of(2026, 5, 25)).kind()).as("due today").isEqualTo(
                ReportKind.SIX_MONTHS);
        assertThat(CALENDAR.next(ReportingLevel.COMMUNE, LocalDate.of(2026, 5, 26))).isEqualTo(new DueReport(
                ReportingLevel.COMMUNE, ReportKind.ANNUAL, 2026, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        assertThat(CALENDAR.next(ReportingLevel.PROVINCE, LocalDate.of(2026, 11, 16)).dueOn())
                .as("after the last of the year: next year's first").isEqualTo(LocalDate.of(2027, 5, 20));
    }

    @Test
    void eachLevelHasItsOwnDays() {
        assertThat(CALENDAR.next(LocalDate.of(2026, 5, 21)))
                .extracting(DueReport::level, DueReport::kind, DueReport::dueOn)
                .containsExactly(
                        tuple(ReportingLevel.COMMUNE, ReportKind.SIX_MONTHS, LocalDate.of(2026, 5, 25)),
                        tuple(ReportingLevel.PROVINCE, ReportKind.ANNUAL, LocalDate.of(2026, 11, 15)));
        assertThat(CALENDAR.ofYear(ReportingLevel.PROVINCE, 2027)).extracting(DueReport::dueOn)
                .containsExactly(LocalDate.of(2027, 5, 20), LocalDate.of(2027, 11, 15));
    }

    @Test
    void aMissingOrMalformedDayStopsTheStartWithTheKeyToFix() {
        assertThatThrownBy(() -> new ReportCalendar(new ReportingSettings(Map.of(
                ReportingLevel.COMMUNE, Map.of(ReportKind.SIX_MONTHS, "25/05", ReportKind.ANNUAL, "11-20"),
                ReportingLevel.PROVINCE, Map.of(ReportKind.SIX_MONTHS, "05-20", ReportKind.ANNUAL, "11-15")))))
                .hasMessageContaining("trean.reporting.calendar.commune.six-months").hasMessageContaining("25/05");
        assertThatThrownBy(() -> new ReportCalendar(new ReportingSettings(Map.of(
                ReportingLevel.COMMUNE, Map.of(ReportKind.SIX_MONTHS, "05-25")))))
                .hasMessageContaining("trean.reporting.calendar.commune.annual is not set");
    }
}
