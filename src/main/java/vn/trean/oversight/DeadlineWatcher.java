package vn.trean.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.oversight.BreachEvents.BreachEscalated;
import vn.trean.oversight.BreachEvents.DeadlineBreached;
import vn.trean.workflow.EngineClock;

/**
 * One mechanism for every deadline (issue 12 item 1): a watcher over the open work items. Every open task of a case
 * has its row in {@code work_item}, due date included (the model's {@code camunda:dueDate}, a measure's end date,
 * recomputed when the holidays change), kept by the task listeners inside the engine's transaction. A work item whose
 * due date passed and that has no breach for that (task, due date) yet becomes a breach of the agency the step was
 * routed to; the chairman of the case's commune and that agency are told; when the agency gives no reason within
 * {@code trean.deadlines.escalate-after}, the province supervisor is told, once.
 *
 * <p>Why a watcher and not a boundary timer on each step: it needs no change to the model, so every step with a due
 * date is covered, the ones a process owner adds tomorrow included, and a model cannot forget it; a step without a
 * due date (an emergency's plan steps, whose working-day limits the law waives) is never a breach. Why a Spring
 * {@code @Scheduled} poll and not an engine job: the watcher reads and writes the application's own tables only, so
 * it needs no process instance, no custom job handler (an engine-internal API) and no job executor, which the tests
 * run without; and its answer is the same whichever node runs it, so every node may poll.
 *
 * <p>Idempotent under retries and with several nodes polling: the insert is {@code on conflict do nothing} on the
 * unique (task, deadline) of V4 and {@code returning} gives only the rows this transaction inserted, so only the node
 * that recorded a breach announces it; the escalation is a single {@code update … where escalated_at is null …
 * returning}. The 12-hour steps are left to the model's timer for {@code twelve-hour-timer-lag} (it records them with
 * the escalation path); should it not have, the watcher records them after that. Cheap with many open items: the
 * query walks the {@code work_item_due} index up to now and probes the unique index of {@code deadline_breach}, a batch
 * at a time, each batch in its own transaction.
 */
@Service
@EnableConfigurationProperties(DeadlineSettings.class)
public class DeadlineWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatcher.class);
    /** A poll that finds more than this many full batches leaves the rest to the next poll. */
    private static final int MAX_BATCHES_PER_CHECK = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Oversight oversight;
    private final DeadlineSettings settings;

    DeadlineWatcher(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events,
                    Oversight oversight, DeadlineSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.oversight = oversight;
        this.settings = settings;
    }

    /** What one check did: the breaches this call recorded and escalated (another node's are not counted). */
    public record Check(int recorded, int escalated) {
    }

    @Scheduled(initialDelayString = "${trean.deadlines.poll-interval:1m}",
            fixedDelayString = "${trean.deadlines.poll-interval:1m}")
    void poll() {
        if (!settings.pollEnabled()) {
            return;
        }
        try {
            checkNow(EngineClock.now());
        } catch (RuntimeException e) {
            // the next poll tries again; what this one committed stays recorded
            LOG.warn("Deadline check failed; the next poll retries", e);
        }
    }

    /**
     * Records a breach for every open work item due before {@code now} that has none yet, then escalates the breaches
     * without a reason recorded before {@code now} minus the grace. Safe to call at any time, from any node, as often
     * as wanted.
     */
    public Check checkNow(Instant now) {
        int recorded = 0;
        int escalated = 0;
        for (int i = 0; i < MAX_BATCHES_PER_CHECK; i++) {
            int batch = transaction.execute(status -> recordBatch(now));
            recorded += batch;
            if (batch < settings.batchSize()) {
                break;
            }
        }
        for (int i = 0; i < MAX_BATCHES_PER_CHECK; i++) {
            int batch = transaction.execute(status -> escalateBatch(now));
            escalated += batch;
            if (batch < settings.batchSize()) {
                break;
            }
        }
        return new Check(recorded, escalated);
    }

    private record Recorded(long id, UUID caseId, String stepKey, String taskId, Instant dueAt, String agencyId,
                            String caseNumber, String stepName, String communeCode, String provinceCode) {
    }

    private int recordBatch(Instant now) {
        List<Recorded> rows = jdbc.sql("""
                        with due as (
                            select w.task_id, w.case_id, w.step_key, w.due_at, w.agencies[1] as agency_id, w.case_number,
                                   w.step_name, w.commune_code, w.province_code
                              from work_item w
                             where w.due_at < :now
                               and (w.window_ends_at is null or w.due_at <> w.window_ends_at or w.due_at < :timerCutoff)
                               and not exists (select 1 from deadline_breach b
                                                where b.task_id = w.task_id and b.deadline_at = w.due_at)
                             order by w.due_at, w.task_id
                             limit :batch),
                        inserted as (
                            insert into deadline_breach (case_id, step_key, task_id, deadline_at, detected_at, agency_id)
                            select case_id, step_key, task_id, due_at, :now, agency_id from due
                            on conflict (task_id, deadline_at) do nothing
                            returning id, task_id)
                        select i.id, d.case_id, d.step_key, d.task_id, d.due_at, d.agency_id, d.case_number, d.step_name,
                               d.commune_code, d.province_code
                          from inserted i join due d on d.task_id = i.task_id
                         order by d.due_at, d.task_id""")
                .param("now", Timestamp.from(now))
                .param("timerCutoff", Timestamp.from(now.minus(settings.twelveHourTimerLag())))
                .param("batch", settings.batchSize())
                .query((rs, i) -> new Recorded(rs.getLong("id"), rs.getObject("case_id", UUID.class),
                        rs.getString("step_key"), rs.getString("task_id"), rs.getTimestamp("due_at").toInstant(),
                        rs.getString("agency_id"), rs.getString("case_number"), rs.getString("step_name"),
                        rs.getString("commune_code"), rs.getString("province_code")))
                .list();
        for (Recorded r : rows) {
            oversight.recordOnTimeline(r.id(), r.caseId(), r.stepKey(), r.agencyId(), r.dueAt(), now);
            events.publishEvent(new DeadlineBreached(r.id(), r.caseId(), r.caseNumber(), r.communeCode(),
                    r.provinceCode(), r.taskId(), r.stepKey(), r.stepName(), r.agencyId(), r.dueAt()));
        }
        return rows.size();
    }

    private record Escalated(long id, UUID caseId, String stepKey, String agencyId, Instant dueAt, Instant detectedAt,
                             String caseNumber, String communeCode, String provinceCode) {
    }

    /**
     * Breaches without a reason past the grace, a batch at a time: rows another node is escalating right now are
     * skipped ({@code skip locked}), and the outer {@code escalated_at is null} makes each one escalated once. The
     * case's number and commune are read as they are now.
     */
    private int escalateBatch(Instant now) {
        List<Escalated> rows = jdbc.sql("""
                        update deadline_breach b set escalated_at = :now
                          from case_file c
                         where b.id in (select id from deadline_breach
                                         where reason_at is null and escalated_at is null and detected_at <= :cutoff
                                         order by detected_at, id
                                         limit :batch
                                         for update skip locked)
                           and b.escalated_at is null and b.reason_at is null and c.id = b.case_id
                        returning b.id, b.case_id, b.step_key, b.agency_id, b.deadline_at, b.detected_at,
                                  c.case_number, c.commune_code, c.province_code""")
                .param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(now.minus(settings.escalateAfter())))
                .param("batch", settings.batchSize())
                .query((rs, i) -> new Escalated(rs.getLong("id"), rs.getObject("case_id", UUID.class),
                        rs.getString("step_key"), rs.getString("agency_id"), rs.getTimestamp("deadline_at").toInstant(),
                        rs.getTimestamp("detected_at").toInstant(), rs.getString("case_number"),
                        rs.getString("commune_code"), rs.getString("province_code")))
                .list();
        for (Escalated e : rows) {
            events.publishEvent(new BreachEscalated(e.id(), e.caseId(), e.caseNumber(), e.communeCode(),
                    e.provinceCode(), e.stepKey(), e.agencyId(), e.dueAt(), e.detectedAt()));
        }
        return rows.size();
    }
}
