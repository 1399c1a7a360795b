package vn.trean.casefile.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.ClosedCases;
import vn.trean.casefile.Dimensions.AbuseSubtype;
import vn.trean.casefile.Dimensions.SpecialCircumstance;

/**
 * The closed cases of a period, read with a cursor: PostgreSQL sends the rows in batches of {@link #BATCH} only
 * inside a transaction, hence the read-only one here when the caller brings none.
 */
@Service
class JdbcClosedCases implements ClosedCases {

    private static final int BATCH = 500;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final TypeReference<List<Measure>> MEASURES = new TypeReference<>() {
    };
    private static final String WHERE = """
            where c.status = 'CLOSED' and c.closed_at >= :from and c.closed_at < :to
              and (cast(:province as text) is null or c.province_code = :province)""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcClosedCases(DataSource dataSource, ObjectMapper json) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(BATCH);
        this.jdbc = JdbcClient.create(cursor);
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public long count(String provinceCode, Instant from, Instant to) {
        return jdbc.sql("select count(*) from case_file c " + WHERE)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("province", provinceCode)
                .query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(String provinceCode, Instant from, Instant to, Consumer<ClosedCase> sink) {
        jdbc.sql("""
                        select c.case_number, c.commune_code, c.province_code, c.received_at, c.closed_at, c.category,
                               r.abuse_forms as reported_abuse_forms, c.protection_level,
                               coalesce(c.emergency, false) as emergency,
                               exists (select 1 from step_record s where s.case_id = c.id
                                       and s.step_key = 'decide_separation' and s.completed_at is not null) as separation,
                               case when c.criminal_procedure then c.handling_outcome end as handling_outcome,
                               case when c.criminal_procedure then c.handling_decision_number end as decision_number,
                               case when c.criminal_procedure then c.handling_decision_date end as decision_date,
                               k.abuse_forms, k.environment, k.perpetrator_relation, k.perpetrator_age_group,
                               k.perpetrator_sex, k.disability_severity,
                               array(select s.subtype from case_abuse_subtype s where s.case_id = c.id) as subtypes,
                               array(select s.circumstance from case_special_circumstance s
                                     where s.case_id = c.id) as circumstances,
                               c.closing_outcome, c.closing_reason,
                               ch.name_normalized, ch.date_of_birth, ch.estimated_age, ch.sex,
                               (select json_agg(json_build_object('measureType', m.measure_type,
                                           'responsibleRole', m.responsible_role, 'startDate', m.start_date,
                                           'endDate', m.end_date, 'status', m.status, 'actualCost', m.actual_cost)
                                       order by m.plan_cycle, m.start_date, m.measure_type)
                                  from plan_measure m where m.case_id = c.id and m.status <> 'DRAFT') as measures
                        from case_file c join child ch on ch.case_id = c.id
                        join report r on r.case_id = c.id and not r.linked
                        left join case_classification k on k.case_id = c.id
                        """ + WHERE + " order by c.closed_at, c.case_number")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("province", provinceCode)
                .query(rs -> {
                    sink.accept(closedCase(rs));
                });
    }

    private ClosedCase closedCase(ResultSet rs) throws SQLException {
        Instant receivedAt = rs.getTimestamp("received_at").toInstant();
        LocalDate receivedOn = LocalDate.ofInstant(receivedAt, VIETNAM);
        var dob = rs.getDate("date_of_birth");
        LocalDate born = dob == null ? null : dob.toLocalDate();
        Integer estimated = (Integer) rs.getObject("estimated_age");
        Integer age = born != null ? Integer.valueOf(Period.between(born, receivedOn).getYears()) : estimated;
        String birth = born != null ? born.toString()
                : estimated == null ? "" : "~" + (receivedOn.getYear() - estimated);
        String sex = rs.getString("sex");
        var forms = rs.getArray("reported_abuse_forms");
        var decisionDate = rs.getDate("decision_date");
        return new ClosedCase(rs.getString("case_number"), rs.getString("commune_code"), rs.getString("province_code"),
                receivedAt, rs.getTimestamp("closed_at").toInstant(), rs.getString("category"),
                forms == null ? List.of() : List.of((String[]) forms.getArray()), rs.getString("protection_level"),
                rs.getBoolean("emergency"), rs.getBoolean("separation"), rs.getString("handling_outcome"),
                rs.getString("closing_outcome"), rs.getString("closing_reason"),
                rs.getString("name_normalized") + "|" + birth + "|" + sex, age, sex, measures(rs.getString("measures")),
                ClassificationRows.classification(rs, codes(rs, "subtypes", AbuseSubtype::valueOf),
                        codes(rs, "circumstances", SpecialCircumstance::valueOf)),
                rs.getString("decision_number"), decisionDate == null ? null : decisionDate.toLocalDate());
    }

    /** The codes in an array column, in the order of their enum. */
    private static <E extends Enum<E>> List<E> codes(ResultSet rs, String column, Function<String, E> parse)
            throws SQLException {
        return Arrays.stream((String[]) rs.getArray(column).getArray()).map(parse).sorted().toList();
    }

    private List<Measure> measures(String value) {
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value, MEASURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("measures of a closed case are not JSON", e);
        }
    }
}
