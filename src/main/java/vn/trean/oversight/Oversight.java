package vn.trean.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.casefile.CaseEvents.StepCompleted;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.EngineClock;
import vn.trean.workflow.WorkflowEvents.OpenStep;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

/**
 * Deadline breaches: which step missed which deadline, and by how much once it is done. Listens
 * synchronously, inside the engine's transaction, and writes idempotently: a timer job that runs
 * twice records the breach once.
 */
@Service
public class Oversight {

    /** The timeline entry of a recorded breach (issue 12 item 1): its data names the step and its due date. */
    public static final String BREACH_ENTRY = "deadline_breach";

    static final String COLUMNS = """
            case_id, step_key, task_id, deadline_at, detected_at, resolved_at,
            cast(extract(epoch from (resolved_at - deadline_at)) as bigint) as late_seconds, agency_id,
            id, reason_code, reason_note, reason_by, reason_at, escalated_at""";

    private final JdbcClient jdbc;
    private final CaseFiles cases;

    Oversight(JdbcClient jdbc, CaseFiles cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** Every breach of a case, whoever asks: the callers apply need-to-know ({@link Breaches#of}). */
    public List<DeadlineBreach> breachesOf(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from deadline_breach where case_id = :c order by deadline_at, step_key, id")
                .param("c", caseId)
                .query((rs, i) -> breach(rs))
                .list();
    }

    Optional<DeadlineBreach> breach(UUID caseId, long id) {
        return jdbc.sql("select " + COLUMNS + " from deadline_breach where case_id = :c and id = :id")
                .param("c", caseId).param("id", id).query((rs, i) -> breach(rs)).optional();
    }

    static DeadlineBreach breach(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason_code");
        return new DeadlineBreach(rs.getObject("case_id", UUID.class), rs.getString("step_key"), rs.getString("task_id"),
                instant(rs, "deadline_at"), instant(rs, "detected_at"), instant(rs, "resolved_at"),
                (Long) rs.getObject("late_seconds"), rs.getString("agency_id"), rs.getLong("id"),
                reason == null ? null : BreachReason.valueOf(reason), rs.getString("reason_note"),
                rs.getString("reason_by"), instant(rs, "reason_at"), instant(rs, "escalated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * The model's 12-hour breach (its timer): recorded as escalated at once, since the model's breach path tells the
     * province supervisor and gives it the escalation step; on the timeline like every breach. The deadline watcher
     * finds the same (task, deadline) recorded and leaves it.
     */
    @EventListener
    void on(TwelveHourWindowBreached breach) {
        Instant now = EngineClock.now();
        for (OpenStep step : breach.openSteps()) {
            Optional<Long> id = jdbc.sql("""
                            insert into deadline_breach (case_id, step_key, task_id, deadline_at, detected_at, agency_id,
                                                         escalated_at)
                            values (:c, :s, :t, :d, :now, :a, :now) on conflict (task_id, deadline_at) do nothing
                            returning id""")
                    .param("c", breach.caseId()).param("s", step.stepKey()).param("t", step.taskId()).param("a", step.agencyId())
                    .param("d", Timestamp.from(breach.windowEndsAt())).param("now", Timestamp.from(now))
                    .query(Long.class).optional();
            id.ifPresent(breachId -> recordOnTimeline(breachId, breach.caseId(), step.stepKey(), step.agencyId(),
                    breach.windowEndsAt(), now));
        }
    }

    /** The breach's entry on the case's timeline, under the agency whose breach it is (its readers see their own). */
    void recordOnTimeline(long breachId, UUID caseId, String stepKey, String agencyId, Instant dueAt, Instant at) {
        cases.recordTimelineEntry(caseId, BREACH_ENTRY, BREACH_ENTRY + ":" + breachId, agencyId, at,
                Map.of("breachedStepKey", stepKey, "dueAt", dueAt.toString()));
    }

    @EventListener
    void on(StepCompleted completed) {
        jdbc.sql("update deadline_breach set resolved_at = :at where task_id = :t and resolved_at is null")
                .param("at", Timestamp.from(completed.completedAt())).param("t", completed.taskId()).update();
    }
}
