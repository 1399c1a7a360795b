package vn.trean.reporting;

import java.time.LocalDate;

/**
 * An open-data export of closed cases (issue 10 item 5) is about to be written, for the audit log: who, the period
 * (closing dates, both inclusive), the province (null: every province) and how many cases it holds.
 */
public record OpenDataExported(String actor, String provinceCode, LocalDate from, LocalDate to, String format,
                               int layoutVersion, long rows) {
}
