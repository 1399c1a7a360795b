package vn.trean.reporting;

import java.time.LocalDate;

/**
 * The periodic reports each level owes the level above (procedure.md §7): the 6-month report and the annual
 * report. [DESIGN] Both count from 1 January of their year; the annual report, due in November, covers the
 * whole year (the last weeks as known when it is written).
 */
public enum ReportKind {

    SIX_MONTHS("6 tháng đầu năm %d"),
    ANNUAL("năm %d");

    private final String periodName;

    ReportKind(String periodName) {
        this.periodName = periodName;
    }

    /** "6 tháng đầu năm 2026", "năm 2026": as the subject of the report names its period. */
    public String periodName(int year) {
        return periodName.formatted(year);
    }

    public LocalDate periodFrom(int year) {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate periodTo(int year) {
        return this == SIX_MONTHS ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }
}
