package vn.trean.organisation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.organisation.AdministrationScope;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.organisation.AgencyKind;
import vn.trean.organisation.Organisation;
import vn.trean.organisation.OrganisationAdministration.Gap;
import vn.trean.organisation.OrganisationEvents.RoutingRuleChanged;
import vn.trean.organisation.OrganisationEvents.RuleState;
import vn.trean.organisation.RoutingRule;
import vn.trean.organisation.RoutingRule.Scope;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.problem.ListingProblem;

/**
 * Administrators read and change the routing rules, and see where a role resolves to no agency. A rule is
 * data: a new one applies to the tasks created from its first day, and tasks already routed keep their agency.
 */
@Service
public class RoutingAdministration {

    private static final String COLUMNS = "id, role_key, agency_kind, scope, valid_from, valid_to, province_code from routing_rule ";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AdministrationScopes scopes;

    RoutingAdministration(JdbcClient jdbc, ApplicationEventPublisher events, AdministrationScopes scopes) {
        this.jdbc = jdbc;
        this.events = events;
        this.scopes = scopes;
    }

    /**
     * Every rule the current administrator administers, by role, scope, province (nationwide first) and first
     * day: one readable table. A province administrator sees their province's rules only.
     */
    public List<RoutingRule> rules() {
        AdministrationScope scope = scopes.current();
        return jdbc.sql("select " + COLUMNS + """
                        where cast(:scopeProvince as text) is null or province_code = :scopeProvince
                        order by role_key, scope, province_code nulls first, valid_from, id""")
                .param("scopeProvince", scope.provinceCode()).query(RoutingAdministration::rule).list();
    }

    /**
     * A new rule, for one province or (provinceCode null) every province; refused (409, naming the rule) when
     * another rule of the same role and province overlaps its period. A province administrator adds rules of
     * their own province only: without a province the rule is theirs, another province is unknown to them.
     */
    @Transactional
    public RoutingRule add(String roleKey, AgencyKind kind, Scope scope, LocalDate validFrom, LocalDate validTo,
                           String provinceCode, String actor) {
        AdministrationScope administered = scopes.current();
        String province = provinceCode == null ? administered.provinceCode() : provinceCode;
        if (province != null && (!administered.coversRule(province) || !knownProvince(province))) {
            throw new InvalidFieldsProblem(List.of(new Violation("provinceCode", "unknown-province")));
        }
        checkPeriod(validFrom, validTo);
        lockRole(roleKey);
        refuseOverlap(roleKey, province, validFrom, validTo, null);
        long id = jdbc.sql("""
                        insert into routing_rule (role_key, agency_kind, scope, valid_from, valid_to, province_code)
                        values (:role, :kind, :scope, :from, :to, :province) returning id""")
                .param("role", roleKey).param("kind", kind.name()).param("scope", scope.name())
                .param("from", validFrom).param("to", validTo).param("province", province)
                .query(Long.class).single();
        RoutingRule added = find(id);
        events.publishEvent(new RoutingRuleChanged(actor, "ROUTING_RULE_ADDED", null, state(added)));
        return added;
    }

    /** Sets (or clears) a rule's last day: how a rule is ended before another one takes over the role. */
    @Transactional
    public RoutingRule end(long id, LocalDate validTo, String actor) {
        AdministrationScope administered = scopes.current();
        RoutingRule before = jdbc.sql("select " + COLUMNS + " where id = :id").param("id", id)
                .query(RoutingAdministration::rule).optional()
                .filter(rule -> administered.coversRule(rule.provinceCode()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        checkPeriod(before.validFrom(), validTo);
        lockRole(before.roleKey());
        refuseOverlap(before.roleKey(), before.provinceCode(), before.validFrom(), validTo, id);
        jdbc.sql("update routing_rule set valid_to = :to where id = :id").param("to", validTo).param("id", id).update();
        RoutingRule after = find(id);
        events.publishEvent(new RoutingRuleChanged(actor, "ROUTING_RULE_CHANGED", state(before), state(after)));
        return after;
    }

    /**
     * The communes of a province (today's list) where a role of the routing rules resolves to no agency on
     * {@code on}, with the roles missing; by commune name. Same resolution as
     * {@link vn.trean.organisation.Organisation#agencyForRole}, for every commune in one query.
     */
    public List<Gap> gaps(String provinceCode, LocalDate on) {
        // another province is unknown to a province administrator, like a province that does not exist
        if (!scopes.current().coversProvince(provinceCode) || !knownProvince(provinceCode)) {
            throw new InvalidFieldsProblem(List.of(new Violation("province", "unknown-province")));
        }
        Map<String, Gap> byCommune = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.code, c.name, r.role_key
                          from locality c cross join (select distinct role_key from routing_rule) r
                         where c.list = 'V2025' and c.level = 'COMMUNE' and c.province_code = :province
                           and c.retired_at is null
                           and not exists (
                               select 1 from routing_rule rr join agency a on a.kind = rr.agency_kind
                                where rr.role_key = r.role_key and a.locality_list = 'V2025'
                                  and rr.valid_from <= :on and (rr.valid_to is null or rr.valid_to >= :on)
                                  and """ + Organisation.ruleOfProvinceFirst("rr") + """
                                  and a.valid_from <= :on and (a.valid_to is null or a.valid_to >= :on)
                                  and case rr.scope
                                        when 'COMMUNE' then a.locality_code = c.code
                                        when 'PROVINCE' then a.locality_code = :province
                                        else a.locality_code is null
                                      end)
                         order by c.name, c.code, r.role_key""")
                .param("province", provinceCode).param("on", on)
                .query(rs -> {
                    byCommune.computeIfAbsent(rs.getString(1), code -> {
                        try {
                            return new Gap(code, rs.getString(2), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).missingRoles().add(rs.getString(3));
                });
        return byCommune.values().stream().map(g -> new Gap(g.communeCode(), g.communeName(), List.copyOf(g.missingRoles())))
                .toList();
    }

    /**
     * Two rules of one role for the same province (or both nationwide) in force on the same day would make
     * routing ambiguous whatever their scopes (the resolution would pick one of them by agency id), so the
     * check covers the role in every scope of that province. A province's rule overlapping a nationwide one is
     * the point of a province's rule: it wins there.
     */
    private void refuseOverlap(String roleKey, String provinceCode, LocalDate from, LocalDate to, Long except) {
        List<RoutingRule> overlapping = jdbc.sql("select " + COLUMNS + """
                         where role_key = :role and province_code is not distinct from :province
                           and (cast(:except as bigint) is null or id <> :except)
                         order by valid_from""")
                .param("role", roleKey).param("province", provinceCode).param("except", except)
                .query(RoutingAdministration::rule).list().stream().filter(r -> r.overlaps(from, to)).toList();
        if (!overlapping.isEmpty()) {
            RoutingRule first = overlapping.get(0);
            throw new ListingProblem(HttpStatus.CONFLICT, "routing-rule-overlaps", "overlappingRules", overlapping,
                    first.id(), first.agencyKind().name(), first.validFrom(),
                    first.validTo() == null ? "…" : first.validTo().toString());
        }
    }

    /** Serialises changes to one role's rules, so that two overlapping rules cannot both pass the check. */
    private void lockRole(String roleKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('routing-rule:' || :role))").param("role", roleKey)
                .query((rs, i) -> 1).list();
    }

    private boolean knownProvince(String provinceCode) {
        return jdbc.sql("select count(*) from locality where list = 'V2025' and level = 'PROVINCE' and code = :p")
                .param("p", provinceCode).query(Long.class).single() > 0;
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw new InvalidFieldsProblem(List.of(new Violation("validTo", "end-before-start")));
        }
    }

    private RoutingRule find(long id) {
        return jdbc.sql("select " + COLUMNS + " where id = :id").param("id", id).query(RoutingAdministration::rule).single();
    }

    private static RuleState state(RoutingRule r) {
        return new RuleState(r.id(), r.roleKey(), r.agencyKind().name(), r.scope().name(), r.validFrom(), r.validTo(),
                r.provinceCode());
    }

    private static RoutingRule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var validTo = rs.getDate("valid_to");
        return new RoutingRule(rs.getLong("id"), rs.getString("role_key"), AgencyKind.valueOf(rs.getString("agency_kind")),
                Scope.valueOf(rs.getString("scope")), rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate(), rs.getString("province_code"));
    }
}
