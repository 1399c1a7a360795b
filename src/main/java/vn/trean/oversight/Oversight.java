package vn.trean.oversight;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.casefile.CaseEvents.StepCompleted;
import vn.trean.workflow.WorkflowEvents.OpenStep;
import vn.trean.workflow.WorkflowEvents.TwelveHourReminderDue;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

/**
 * Deadline breaches and the alerts about them. Listens synchronously, inside the engine's
 * transaction, and writes idempotently: a timer job that runs twice records and alerts once.
 */
@Service
public class Oversight {

    private final JdbcClient jdbc;

    Oversight(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeadlineBreach> breachesOf(UUID caseId) {
        return jdbc.sql("""
                        select case_id, step_key, task_id, deadline_at, detected_at, resolved_at,
                               cast(extract(epoch from (resolved_at - deadline_at)) as bigint) as late_seconds
                        from deadline_breach where case_id = :c order by deadline_at, step_key""")
                .param("c", caseId)
                .query((rs, i) -> new DeadlineBreach(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7)))
                .list();
    }

    /** The notifications of an agency, newest first. */
    public List<Notification> notificationsFor(String agencyId) {
        return jdbc.sql("""
                        select case_id, kind, agency_id, created_at from notification
                        where agency_id = :a order by created_at desc, id desc limit 200""")
                .param("a", agencyId)
                .query((rs, i) -> new Notification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public record Notification(UUID caseId, String kind, String agencyId, java.time.Instant createdAt) {
    }

    @EventListener
    void on(TwelveHourReminderDue reminder) {
        for (String agency : reminder.agencyIds()) {
            notify(reminder.caseId(), "TWELVE_HOUR_REMINDER", agency);
        }
    }

    @EventListener
    void on(TwelveHourWindowBreached breach) {
        for (OpenStep step : breach.openSteps()) {
            jdbc.sql("""
                            insert into deadline_breach (case_id, step_key, task_id, deadline_at, detected_at)
                            values (:c, :s, :t, :d, now()) on conflict (task_id, deadline_at) do nothing""")
                    .param("c", breach.caseId()).param("s", step.stepKey()).param("t", step.taskId())
                    .param("d", Timestamp.from(breach.windowEndsAt())).update();
        }
        for (String agency : breach.notifiedAgencyIds()) {
            notify(breach.caseId(), "TWELVE_HOUR_BREACH", agency);
        }
    }

    @EventListener
    void on(StepCompleted completed) {
        jdbc.sql("update deadline_breach set resolved_at = :at where task_id = :t and resolved_at is null")
                .param("at", Timestamp.from(completed.completedAt())).param("t", completed.taskId()).update();
    }

    private void notify(UUID caseId, String kind, String agencyId) {
        jdbc.sql("""
                        insert into notification (case_id, kind, agency_id, created_at, dedupe_key)
                        values (:c, :k, :a, now(), :key) on conflict (dedupe_key) do nothing""")
                .param("c", caseId).param("k", kind).param("a", agencyId)
                .param("key", kind + ":" + caseId + ":" + agencyId).update();
    }
}
