package vn.trean.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.organisation.Agency;
import vn.trean.organisation.AgencyKind;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.workflow.EngineClock;

/**
 * Reminds each unit of the periodic report it owes, 10 and 3 days before the due date (issue 10 item 3): every
 * commune that has not submitted the figures for the period (its People's Committee and child-protection officer),
 * and every province department. Runs daily and once at start. A reminder is recorded in {@code report_reminder}
 * in the transaction that notifies, under a unique key: a second run, or a second node running at the same time,
 * finds the row there (or waits for it) and sends nothing. A day without a run is caught up on the next: the
 * 10-day reminder goes until 3 days are left, the 3-day one until the due day.
 */
@Component
public class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String COMMUNE_OFFICER_ROLE = "commune-officer";
    private static final String COMMUNE_CHAIRMAN_ROLE = "commune-chairman";
    private static final String PROVINCE_SUPERVISOR_ROLE = "province-supervisor";

    private final ReportCalendar calendar;
    private final Organisation organisation;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final List<Integer> daysBefore;

    ReportReminders(ReportCalendar calendar, Organisation organisation, JdbcClient jdbc, ApplicationEventPublisher events,
                    PlatformTransactionManager transactions,
                    @Value("${trean.reporting.reminder-days:10,3}") List<Integer> daysBefore) {
        this.calendar = calendar;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.daysBefore = daysBefore.stream().sorted(Comparator.reverseOrder()).toList();
    }

    @Scheduled(cron = "${trean.reporting.reminder-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        remind();
    }

    /** Catches up at start (a node that was down on the day); a failure here must not stop the application. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            remind();
        } catch (RuntimeException e) {
            log.warn("Periodic report reminders not sent at start; the daily run tries again", e);
        }
    }

    /**
     * Sends the reminders due today (the engine's clock, Vietnam date) that were not sent yet.
     *
     * @return how many units were reminded
     */
    public int remind() {
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), VIETNAM);
        int reminded = 0;
        for (ReportCalendar.DueReport due : calendar.next(today)) {
            long daysLeft = ChronoUnit.DAYS.between(today, due.dueOn());
            Integer reminder = reminderFor(daysLeft);
            if (reminder == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> unit : unitsToRemind(due, today).entrySet()) {
                if (Boolean.TRUE.equals(transaction.execute(status -> remind(due, unit.getKey(), unit.getValue(),
                        reminder, daysLeft)))) {
                    reminded++;
                }
            }
        }
        if (reminded > 0) {
            log.info("Reminded {} units of a periodic report due soon", reminded);
        }
        return reminded;
    }

    /** The reminder a day belongs to: the smallest configured count of days that is at least the days left. */
    private Integer reminderFor(long daysLeft) {
        Integer reminder = null;
        for (int days : daysBefore) {
            if (daysLeft >= 0 && daysLeft <= days) {
                reminder = days;
            }
        }
        return reminder;
    }

    /** Unit code → the agencies to tell, of the units that owe {@code due} and have not submitted it. */
    private Map<String, List<String>> unitsToRemind(ReportCalendar.DueReport due, LocalDate today) {
        Map<String, List<String>> units = new LinkedHashMap<>();
        List<String> provinces = organisation.provinces().stream().map(Locality::code).toList();
        if (due.level() == ReportingLevel.PROVINCE) {
            for (String province : provinces) {
                organisation.agencyForRole(PROVINCE_SUPERVISOR_ROLE, null, province, today)
                        .ifPresent(department -> units.put(province, List.of(department.id())));
            }
        } else {
            Set<AgencyKind> kinds = new java.util.HashSet<>(organisation.communeKindsForRole(COMMUNE_OFFICER_ROLE, today));
            kinds.addAll(organisation.communeKindsForRole(COMMUNE_CHAIRMAN_ROLE, today));
            for (String province : provinces) {
                for (Agency agency : organisation.communeAgenciesInService(province, kinds, today)) {
                    units.computeIfAbsent(agency.localityCode(), c -> new ArrayList<>()).add(agency.id());
                }
            }
        }
        units.keySet().removeAll(submitted(due, units.keySet()));
        return units;
    }

    private List<String> submitted(ReportCalendar.DueReport due, Set<String> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct unit_code from report_submission
                         where level = :level and unit_code in (:units) and period_from = :from and period_to = :to""")
                .param("level", due.level().name()).param("units", units).param("from", due.periodFrom())
                .param("to", due.periodTo())
                .query(String.class).list();
    }

    private boolean remind(ReportCalendar.DueReport due, String unit, List<String> agencyIds, int reminder,
                           long daysLeft) {
        boolean first = jdbc.sql("""
                        insert into report_reminder (level, unit_code, kind, year, days_before, sent_at)
                        values (:level, :unit, :kind, :year, :days, :at)
                        on conflict do nothing""")
                .param("level", due.level().name()).param("unit", unit).param("kind", due.kind().name())
                .param("year", due.year()).param("days", reminder)
                .param("at", Timestamp.from(EngineClock.now()))
                .update() == 1;
        if (first) {
            events.publishEvent(new ReportDueReminder(due.level(), unit, due.kind(), due.year(), due.dueOn(),
                    due.periodFrom(), due.periodTo(), reminder, daysLeft, List.copyOf(agencyIds)));
        }
        return first;
    }
}
