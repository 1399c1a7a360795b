package vn.trean.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A periodic report is due soon and its unit has not submitted it: the unit's agencies are to be reminded (issue 10
 * item 3). Published once per unit, report and reminder, inside the transaction that recorded the reminder.
 *
 * @param unitCode   the commune's code, or the province's
 * @param daysBefore the reminder it is (10 or 3 days before, by configuration)
 * @param daysLeft   the days actually left today (fewer than {@code daysBefore} when a day's run was missed)
 * @param agencyIds  who is told: a commune's People's Committee and child-protection officer, or the province department
 */
public record ReportDueReminder(ReportingLevel level, String unitCode, ReportKind kind, int year, LocalDate dueOn,
                                LocalDate periodFrom, LocalDate periodTo, int daysBefore, long daysLeft,
                                List<String> agencyIds) {
}
