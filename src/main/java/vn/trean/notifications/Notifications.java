package vn.trean.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.workflow.WorkflowEvents.TaskRouted;
import vn.trean.workflow.WorkflowEvents.TwelveHourReminderDue;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

/**
 * What the people of an agency are told: a new task, a 12-hour reminder, a breach and its
 * escalation. Written inside the transaction that caused it, and keyed so that a timer job that
 * runs twice notifies once.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The notifications of an agency, newest first. */
    public List<Notification> forAgency(String agencyId) {
        return jdbc.sql("""
                        select id, case_id, kind, agency_id, created_at from notification
                        where agency_id = :a order by created_at desc, id desc limit 200""")
                .param("a", agencyId)
                .query((rs, i) -> new Notification(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    public record Notification(long id, UUID caseId, String kind, String agencyId, Instant createdAt) {
    }

    @EventListener
    void on(TaskRouted routed) {
        for (String agency : routed.agencyIds()) {
            notify(routed.caseId(), Kind.NEW_TASK, agency, routed.taskId());
        }
    }

    @EventListener
    void on(TwelveHourReminderDue reminder) {
        for (String agency : reminder.agencyIds()) {
            notify(reminder.caseId(), Kind.TWELVE_HOUR_REMINDER, agency, reminder.caseId().toString());
        }
    }

    @EventListener
    void on(TwelveHourWindowBreached breach) {
        for (String agency : breach.notifiedAgencyIds()) {
            notify(breach.caseId(), Kind.TWELVE_HOUR_BREACH, agency, breach.caseId().toString());
        }
    }

    /** The kinds of notification. */
    public enum Kind { NEW_TASK, TWELVE_HOUR_REMINDER, TWELVE_HOUR_BREACH }

    private void notify(UUID caseId, Kind kind, String agencyId, String subject) {
        jdbc.sql("""
                        insert into notification (case_id, kind, agency_id, created_at, dedupe_key)
                        values (:c, :k, :a, now(), :key) on conflict (dedupe_key) do nothing""")
                .param("c", caseId).param("k", kind.name()).param("a", agencyId)
                .param("key", kind + ":" + subject + ":" + agencyId).update();
    }
}
