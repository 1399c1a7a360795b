package vn.trean.casefile.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles.MeasureDraft;
import vn.trean.casefile.CasePlans;
import vn.trean.casefile.PlanMeasure;

/** {@link CasePlans} on {@code plan_measure} and {@code plan_amendment} (V47). */
@Service
@Transactional
class JdbcCasePlans implements CasePlans {

    private static final TypeReference<List<Map<String, Object>>> CHANGES = new TypeReference<>() {
    };
    /** The latest approved plan of a case: its highest cycle with a measure no longer a draft. */
    private static final String CURRENT_CYCLE = """
            (select max(plan_cycle) from plan_measure where case_id = :c and status <> 'DRAFT')""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcCasePlans(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanMeasure> currentMeasures(UUID caseId) {
        return jdbc.sql("select * from plan_measure where case_id = :c and plan_cycle = " + CURRENT_CYCLE
                        + " order by start_date, end_date, description, id")
                .param("c", caseId).query((rs, i) -> JdbcCaseFiles.measure(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public int currentVersion(UUID caseId) {
        return jdbc.sql("select coalesce(max(version), 1) from plan_amendment where case_id = :c and status = 'APPROVED'"
                        + " and plan_cycle = " + CURRENT_CYCLE)
                .param("c", caseId).query(Integer.class).single();
    }

    @Override
    public UUID propose(UUID caseId, String proposalTaskId, String actor, Instant at, String reason,
                        List<Map<String, Object>> changes) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into plan_amendment (id, case_id, plan_cycle, proposal_task_id, proposed_by, proposed_at,
                                                    reason, changes)
                        values (:id, :c, %s, :task, :by, :at, :reason, cast(:changes as jsonb))""".formatted(CURRENT_CYCLE))
                .param("id", id).param("c", caseId).param("task", proposalTaskId).param("by", actor)
                .param("at", Timestamp.from(at)).param("reason", reason).param("changes", write(changes)).update();
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Amendment> pending(UUID caseId) {
        return jdbc.sql("""
                        select id, case_id, plan_cycle, reason, changes, status, version from plan_amendment
                        where case_id = :c and status = 'PROPOSED' order by proposed_at desc limit 1""")
                .param("c", caseId)
                .query((rs, i) -> new Amendment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                        rs.getInt("plan_cycle"), rs.getString("reason"), read(rs.getString("changes")),
                        rs.getString("status"), rs.getObject("version", Integer.class)))
                .optional();
    }

    @Override
    public int approve(UUID amendmentId, String decisionTaskId, String actor, Instant at,
                       List<Map<String, Object>> applied) {
        return jdbc.sql("""
                        update plan_amendment a set status = 'APPROVED', decision_task_id = :task, decided_by = :by,
                               decided_at = :at, changes = cast(:changes as jsonb),
                               version = coalesce((select max(p.version) from plan_amendment p
                                                   where p.case_id = a.case_id and p.plan_cycle = a.plan_cycle
                                                     and p.status = 'APPROVED'), 1) + 1
                        where id = :id and status = 'PROPOSED'
                        returning version""")
                .param("task", decisionTaskId).param("by", actor).param("at", Timestamp.from(at))
                .param("changes", write(applied)).param("id", amendmentId).query(Integer.class).single();
    }

    @Override
    public void decline(UUID amendmentId, String decisionTaskId, String actor, Instant at) {
        jdbc.sql("""
                        update plan_amendment set status = 'NOT_APPROVED', decision_task_id = :task, decided_by = :by,
                               decided_at = :at
                        where id = :id and status = 'PROPOSED'""")
                .param("task", decisionTaskId).param("by", actor).param("at", Timestamp.from(at))
                .param("id", amendmentId).update();
    }

    @Override
    public UUID addMeasure(UUID caseId, MeasureDraft m, int version) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into plan_measure (id, case_id, plan_cycle, measure_type, responsible_role, description,
                                                  start_date, end_date, provider, cost_estimate, status, plan_version)
                        values (:id, :c, %s, :type, :role, :d, :start, :end, :provider, :cost, 'ACTIVE', :v)"""
                        .formatted(CURRENT_CYCLE))
                .param("id", id).param("c", caseId).param("type", m.measureType()).param("role", m.responsibleRole())
                .param("d", m.description()).param("start", m.startDate()).param("end", m.endDate())
                .param("provider", m.provider()).param("cost", m.costEstimate()).param("v", version).update();
        return id;
    }

    @Override
    public void changeMeasure(UUID measureId, MeasureDraft m, int version) {
        jdbc.sql("""
                        update plan_measure set measure_type = :type, responsible_role = :role, description = :d,
                               start_date = :start, end_date = :end, plan_version = :v
                        where id = :id and status = 'ACTIVE'""")
                .param("type", m.measureType()).param("role", m.responsibleRole()).param("d", m.description())
                .param("start", m.startDate()).param("end", m.endDate()).param("v", version).param("id", measureId)
                .update();
    }

    @Override
    public void withdrawMeasure(UUID measureId, int version) {
        jdbc.sql("update plan_measure set status = 'WITHDRAWN', plan_version = :v where id = :id and status = 'ACTIVE'")
                .param("v", version).param("id", measureId).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> planEnd(UUID caseId) {
        return jdbc.sql("select max(end_date) from plan_measure where case_id = :c and status not in ('DRAFT', 'WITHDRAWN')"
                        + " and plan_cycle = " + CURRENT_CYCLE)
                .param("c", caseId).query(LocalDate.class).optional();
    }

    private String write(List<Map<String, Object>> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a plan amendment", e);
        }
    }

    private List<Map<String, Object>> read(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan amendment is not JSON", e);
        }
    }
}
