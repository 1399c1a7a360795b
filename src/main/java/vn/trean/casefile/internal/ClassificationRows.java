package vn.trean.casefile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.trean.casefile.Classification;
import vn.trean.casefile.Dimensions.AbuseEnvironment;
import vn.trean.casefile.Dimensions.AbuseForm;
import vn.trean.casefile.Dimensions.AbuseSubtype;
import vn.trean.casefile.Dimensions.DisabilitySeverity;
import vn.trean.casefile.Dimensions.PerpetratorAgeGroup;
import vn.trean.casefile.Dimensions.PerpetratorRelation;
import vn.trean.casefile.Dimensions.PerpetratorSex;
import vn.trean.casefile.Dimensions.SpecialCircumstance;

/**
 * The classification of cases in its tables (V30): {@code case_classification}, one row per case, with the abuse
 * forms as an array, and {@code case_abuse_subtype} and {@code case_special_circumstance}, a row per code. Shared
 * by the case file (which writes it when a case opens) and the classification service.
 */
@Component
class ClassificationRows {

    /** A case's stored classification and who last changed it. */
    record Stored(Classification classification, String perpetratorName, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;

    ClassificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the classification of a case, replacing what it had; the perpetrator's name is kept. */
    void write(UUID caseId, Classification given, String actor, Instant at) {
        Classification c = given.normalised();
        var p = c.perpetrator();
        jdbc.sql("""
                        insert into case_classification (case_id, abuse_forms, environment, perpetrator_relation,
                                                         perpetrator_age_group, perpetrator_sex, disability_severity,
                                                         updated_at, updated_by)
                        values (:c, :forms, :env, :relation, :age, :sex, :severity, :at, :by)
                        on conflict (case_id) do update set abuse_forms = excluded.abuse_forms,
                            environment = excluded.environment, perpetrator_relation = excluded.perpetrator_relation,
                            perpetrator_age_group = excluded.perpetrator_age_group,
                            perpetrator_sex = excluded.perpetrator_sex, disability_severity = excluded.disability_severity,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("c", caseId).param("forms", names(c.abuseForms()).toArray(String[]::new))
                .param("env", name(c.environment())).param("relation", name(p.relation()))
                .param("age", name(p.ageGroup())).param("sex", name(p.sex()))
                .param("severity", name(c.disabilitySeverity())).param("at", Timestamp.from(at)).param("by", actor)
                .update();
        jdbc.sql("delete from case_abuse_subtype where case_id = :c").param("c", caseId).update();
        for (AbuseSubtype subtype : c.abuseSubtypes()) {
            jdbc.sql("insert into case_abuse_subtype (case_id, abuse_form, subtype) values (:c, :f, :s)")
                    .param("c", caseId).param("f", subtype.form().name()).param("s", subtype.name()).update();
        }
        jdbc.sql("delete from case_special_circumstance where case_id = :c").param("c", caseId).update();
        for (SpecialCircumstance circumstance : c.specialCircumstances()) {
            jdbc.sql("insert into case_special_circumstance (case_id, circumstance) values (:c, :s)")
                    .param("c", caseId).param("s", circumstance.name()).update();
        }
    }

    void writePerpetratorName(UUID caseId, String name, String actor, Instant at) {
        jdbc.sql("""
                        update case_classification set perpetrator_name = :n, updated_at = :at, updated_by = :by
                        where case_id = :c""")
                .param("n", name).param("at", Timestamp.from(at)).param("by", actor).param("c", caseId).update();
    }

    Optional<Stored> read(UUID caseId) {
        Map<UUID, Stored> found = readAll(List.of(caseId));
        return Optional.ofNullable(found.get(caseId));
    }

    /** The stored classification of each of the cases that have one, in one query per table. */
    Map<UUID, Stored> readAll(Collection<UUID> caseIds) {
        String[] ids = caseIds.stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, List<AbuseSubtype>> subtypes = codes("case_abuse_subtype", "subtype", ids, AbuseSubtype::valueOf);
        Map<UUID, List<SpecialCircumstance>> circumstances = codes("case_special_circumstance", "circumstance", ids,
                SpecialCircumstance::valueOf);
        Map<UUID, Stored> found = new HashMap<>();
        jdbc.sql("select * from case_classification where case_id = any(cast(:ids as uuid[]))").param("ids", ids)
                .query(rs -> {
                    UUID caseId = rs.getObject("case_id", UUID.class);
                    var classification = classification(rs, subtypes.getOrDefault(caseId, List.of()),
                            circumstances.getOrDefault(caseId, List.of()));
                    found.put(caseId, new Stored(classification, rs.getString("perpetrator_name"),
                            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")));
                });
        return found;
    }

    /**
     * The classification in a row of {@code case_classification} (its column names), with the codes of the per-code
     * tables read beside it.
     */
    static Classification classification(ResultSet rs, List<AbuseSubtype> subtypes,
                                         List<SpecialCircumstance> circumstances) throws SQLException {
        var formsArray = rs.getArray("abuse_forms");
        String[] forms = formsArray == null ? new String[0] : (String[]) formsArray.getArray();
        return new Classification(
                java.util.Arrays.stream(forms).map(AbuseForm::valueOf).sorted().toList(), subtypes, circumstances,
                code(rs.getString("disability_severity"), DisabilitySeverity::valueOf),
                code(rs.getString("environment"), AbuseEnvironment::valueOf),
                new Classification.Perpetrator(
                        code(rs.getString("perpetrator_relation"), PerpetratorRelation::valueOf),
                        code(rs.getString("perpetrator_age_group"), PerpetratorAgeGroup::valueOf),
                        code(rs.getString("perpetrator_sex"), PerpetratorSex::valueOf)));
    }

    /** The codes of one of the per-code tables, by case, in declaration order of the enum. */
    private <E extends Enum<E>> Map<UUID, List<E>> codes(String table, String column, String[] ids,
                                                         Function<String, E> parse) {
        Map<UUID, List<E>> byCase = new HashMap<>();
        jdbc.sql("select case_id, %s from %s where case_id = any(cast(:ids as uuid[]))".formatted(column, table))
                .param("ids", ids)
                .query(rs -> {
                    byCase.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(parse.apply(rs.getString(2)));
                });
        byCase.values().forEach(list -> list.sort(java.util.Comparator.naturalOrder()));
        return byCase;
    }

    private static <E> E code(String value, Function<String, E> parse) {
        return value == null ? null : parse.apply(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
