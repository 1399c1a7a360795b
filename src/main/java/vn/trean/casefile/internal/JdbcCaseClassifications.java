package vn.trean.casefile.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseClassifications;
import vn.trean.casefile.CaseClosedException;
import vn.trean.casefile.CaseDimensions;
import vn.trean.casefile.CaseEvents;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.casefile.CaseView;
import vn.trean.casefile.Classification;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

@Service
@Transactional
class JdbcCaseClassifications implements CaseClassifications {

    /** Those who run the case correct it; the province supervisor, who oversees it, reads it. */
    private static final Set<Role> EDITORS = Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final ClassificationRows rows;
    private final ApplicationEventPublisher events;

    JdbcCaseClassifications(JdbcClient jdbc, CaseFiles cases, ClassificationRows rows, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.rows = rows;
        this.events = events;
    }

    @Override
    public CaseDimensions read(UUID caseId, CurrentUser user) {
        requireWholeCase(caseId, user);
        events.publishEvent(new CaseEvents.CaseRead(caseId, user.username()));
        return of(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Override
    public CaseDimensions replace(UUID caseId, Classification classification, CurrentUser user) {
        requireWholeCase(caseId, user);
        if (!EDITORS.contains(user.role())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "classification-read-only", caseId);
        }
        if (!"OPEN".equals(jdbc.sql("select status from case_file where id = :id").param("id", caseId)
                .query(String.class).single())) {
            throw new CaseClosedException(caseId);
        }
        List<Violation> violations = new ArrayList<>();
        if (classification.abuseForms() == null) {
            violations.add(new Violation("abuseForms", "required"));
        }
        if (classification.abuseSubtypes() == null) {
            violations.add(new Violation("abuseSubtypes", "required"));
        }
        if (classification.specialCircumstances() == null) {
            violations.add(new Violation("specialCircumstances", "required"));
        }
        violations.addAll(classification.violations());
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        correct(caseId, classification, user.username(), SOURCE_API);
        return of(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /** A hidden case answers as a missing one; a case seen only in part (their own steps) is refused. */
    private void requireWholeCase(UUID caseId, CurrentUser user) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        if (!cases.seesWholeCase(caseId, user)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "classification-hidden", caseId);
        }
    }

    @Override
    public void correct(UUID caseId, Classification classification, String actor, String source) {
        var before = rows.read(caseId);
        Classification after = classification.normalised();
        if (before.isPresent() && before.get().classification().normalised().equals(after)) {
            return;
        }
        String name = before.map(ClassificationRows.Stored::perpetratorName).orElse(null);
        rows.write(caseId, after, actor, Instant.now());
        events.publishEvent(new CaseEvents.ClassificationChanged(caseId, actor, source,
                before.map(b -> snapshot(b.classification(), name)).orElse(null), snapshot(after, name)));
    }

    @Override
    public void recordPerpetratorName(UUID caseId, String name, String actor) {
        String recorded = name == null || name.isBlank() ? null : name.trim();
        var before = rows.read(caseId);
        if (recorded == null || before.isEmpty() || recorded.equals(before.get().perpetratorName())) {
            return;
        }
        Classification classification = before.get().classification();
        rows.writePerpetratorName(caseId, recorded, actor, Instant.now());
        events.publishEvent(new CaseEvents.ClassificationChanged(caseId, actor, "record_crime_outcome",
                snapshot(classification, before.get().perpetratorName()), snapshot(classification, recorded)));
    }

    /** Codes only: the perpetrator's name shows as whether one is recorded. */
    private static Map<String, Object> snapshot(Classification c, String perpetratorName) {
        Classification n = c.normalised();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("abuseForms", n.abuseForms().stream().map(Enum::name).toList());
        values.put("abuseSubtypes", n.abuseSubtypes().stream().map(Enum::name).toList());
        values.put("specialCircumstances", n.specialCircumstances().stream().map(Enum::name).toList());
        values.put("disabilitySeverity", name(n.disabilitySeverity()));
        values.put("environment", name(n.environment()));
        values.put("perpetratorRelation", name(n.perpetrator().relation()));
        values.put("perpetratorAgeGroup", name(n.perpetrator().ageGroup()));
        values.put("perpetratorSex", name(n.perpetrator().sex()));
        values.put("perpetratorNameRecorded", perpetratorName != null);
        return values;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseDimensions> of(UUID caseId) {
        record Outcomes(boolean criminalProcedure, String handlingOutcome, String handlingDecisionNumber,
                        java.time.LocalDate handlingDecisionDate, String closingOutcome, String closingReason) {
        }
        return jdbc.sql("""
                        select criminal_procedure, handling_outcome, handling_decision_number, handling_decision_date,
                               closing_outcome, closing_reason
                        from case_file where id = :id""")
                .param("id", caseId).query(Outcomes.class).optional()
                .map(o -> {
                    var stored = rows.read(caseId).orElse(new ClassificationRows.Stored(Classification.NONE, null,
                            null, null));
                    return new CaseDimensions(caseId, stored.classification(), stored.perpetratorName(),
                            new CaseView.CriminalProcedure(o.criminalProcedure(), o.handlingOutcome(),
                                    o.handlingDecisionNumber(), o.handlingDecisionDate()),
                            o.closingOutcome(), o.closingReason(), support(caseId), stored.updatedAt(),
                            stored.updatedBy());
                });
    }

    /** The measures of the approved plans (not a draft), with what each cost. */
    private List<CaseDimensions.SupportGiven> support(UUID caseId) {
        return jdbc.sql("""
                        select id, plan_cycle, measure_type, responsible_role, status, cost_estimate, actual_cost
                        from plan_measure where case_id = :c and status <> 'DRAFT'
                        order by plan_cycle, start_date, description""")
                .param("c", caseId)
                .query((rs, i) -> new CaseDimensions.SupportGiven(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), money(rs.getBigDecimal(6)),
                        money(rs.getBigDecimal(7))))
                .list();
    }

    private static Long money(java.math.BigDecimal amount) {
        return amount == null ? null : amount.longValue();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Classification> classificationsOf(Collection<UUID> caseIds) {
        Map<UUID, Classification> found = new HashMap<>();
        rows.readAll(caseIds).forEach((caseId, stored) -> found.put(caseId, stored.classification()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> personKeysOf(Collection<UUID> caseIds) {
        Map<UUID, String> keys = new HashMap<>();
        jdbc.sql("select case_id, person_key from child where case_id = any(cast(:ids as uuid[])) and person_key is not null")
                .param("ids", caseIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    keys.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return keys;
    }
}
