package vn.trean.oversight;

import java.time.LocalDate;

/**
 * The next periodic report the board's area owes the level above (issue 10 item 3), as the board shows it.
 *
 * @param level             COMMUNE (a commune to the province) or PROVINCE (the province to the ministry)
 * @param kind              SIX_MONTHS or ANNUAL
 * @param year              the year whose figures it carries
 * @param daysLeft          days from today (Vietnam date, engine clock) to the due date; 0 on the day
 * @param submitted         for a commune: whether it has submitted its figures for the period; null for a province
 * @param communesSubmitted for a province: how many of its communes have submitted the commune report for the
 *                          period; null for a commune
 * @param communes          for a province: how many communes it has; null for a commune
 */
public record PeriodicReportDue(String level, String kind, int year, LocalDate dueOn, LocalDate periodFrom,
                                LocalDate periodTo, long daysLeft, Boolean submitted, Integer communesSubmitted,
                                Integer communes) {
}
