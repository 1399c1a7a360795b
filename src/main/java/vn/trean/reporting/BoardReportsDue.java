package vn.trean.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.trean.oversight.PeriodicReportDue;
import vn.trean.oversight.PeriodicReportsDue;
import vn.trean.oversight.SupervisedArea;

/**
 * The board's card of the next periodic report: for a commune whether it has submitted, for a province how many of
 * its communes have submitted the commune report for the same period. One query on the submissions' unique key.
 */
@Component
class BoardReportsDue implements PeriodicReportsDue {

    private final ReportCalendar calendar;
    private final JdbcClient jdbc;

    BoardReportsDue(ReportCalendar calendar, JdbcClient jdbc) {
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PeriodicReportDue> next(SupervisedArea area, LocalDate today) {
        if (area.isCommune()) {
            var due = calendar.next(ReportingLevel.COMMUNE, today);
            boolean submitted = jdbc.sql("""
                            select exists (select 1 from report_submission
                                            where level = 'COMMUNE' and unit_code = :unit
                                              and period_from = :from and period_to = :to)""")
                    .param("unit", area.communeCode()).param("from", due.periodFrom()).param("to", due.periodTo())
                    .query(Boolean.class).single();
            return Optional.of(card(due, today, submitted, null, null));
        }
        if (area.provinceCode() == null) {
            return Optional.empty();
        }
        var due = calendar.next(ReportingLevel.PROVINCE, today);
        // the commune report of the same kind and year covers the same period: how many communes have submitted it
        int[] counts = jdbc.sql("""
                        select count(*), count(*) filter (where exists (
                                   select 1 from report_submission s
                                    where s.level = 'COMMUNE' and s.unit_code = l.code
                                      and s.period_from = :from and s.period_to = :to))
                          from locality l
                         where l.list = 'V2025' and l.level = 'COMMUNE' and l.retired_at is null
                           and l.province_code = :province""")
                .param("province", area.provinceCode()).param("from", due.periodFrom())
                .param("to", due.periodTo())
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        return Optional.of(card(due, today, null, counts[1], counts[0]));
    }

    private static PeriodicReportDue card(ReportCalendar.DueReport due, LocalDate today, Boolean submitted,
                                          Integer communesSubmitted, Integer communes) {
        return new PeriodicReportDue(due.level().name(), due.kind().name(), due.year(), due.dueOn(), due.periodFrom(),
                due.periodTo(), ChronoUnit.DAYS.between(today, due.dueOn()), submitted, communesSubmitted, communes);
    }
}
