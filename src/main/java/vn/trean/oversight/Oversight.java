package vn.trean.oversight;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.casefile.CaseEvents.StepCompleted;
import vn.trean.workflow.WorkflowEvents.OpenStep;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

/**
 * Deadline breaches: which step missed which deadline, and by how much once it is done. Listens
 * synchronously, inside the engine's transaction, and writes idempotently: a timer job that runs
 * twice records the breach once.
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
                               cast(extract(epoch from (resolved_at - deadline_at)) as bigint) as late_seconds,
                               agency_id
                        from deadline_breach where case_id = :c order by deadline_at, step_key""")
                .param("c", caseId)
                .query((rs, i) -> new DeadlineBreach(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7), rs.getString(8)))
                .list();
    }

    @EventListener
    void on(TwelveHourWindowBreached breach) {
        for (OpenStep step : breach.openSteps()) {
            jdbc.sql("""
                            insert into deadline_breach (case_id, step_key, task_id, deadline_at, detected_at, agency_id)
                            values (:c, :s, :t, :d, now(), :a) on conflict (task_id, deadline_at) do nothing""")
                    .param("c", breach.caseId()).param("s", step.stepKey()).param("t", step.taskId()).param("a", step.agencyId())
                    .param("d", Timestamp.from(breach.windowEndsAt())).update();
        }
    }

    @EventListener
    void on(StepCompleted completed) {
        jdbc.sql("update deadline_breach set resolved_at = :at where task_id = :t and resolved_at is null")
                .param("at", Timestamp.from(completed.completedAt())).param("t", completed.taskId()).update();
    }
}
