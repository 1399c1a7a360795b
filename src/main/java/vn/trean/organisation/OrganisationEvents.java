package vn.trean.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * Administrative changes to agencies and routing rules, published inside the change's transaction so that
 * the audit log records each with its before and after (null before = created).
 */
public final class OrganisationEvents {

    private OrganisationEvents() {
    }

    /** An agency as the audit log keeps it. */
    public record AgencyState(String id, String kind, String name, String localityList, String localityCode,
                              LocalDate validFrom, LocalDate validTo) {
    }

    /** {@code action}: AGENCY_CREATED, AGENCY_CHANGED or AGENCY_RETIRED. */
    public record AgencyChanged(String actor, String action, AgencyState before, AgencyState after) {
    }

    /** The open tasks of one agency were handed to another (its candidate group replaced). */
    public record OpenTasksMoved(String actor, String fromAgencyId, String toAgencyId, List<String> taskIds) {
    }

    /** A routing rule as the audit log keeps it. */
    public record RuleState(long id, String roleKey, String agencyKind, String scope, LocalDate validFrom,
                            LocalDate validTo, String provinceCode) {
    }

    /** {@code action}: ROUTING_RULE_ADDED or ROUTING_RULE_CHANGED. */
    public record RoutingRuleChanged(String actor, String action, RuleState before, RuleState after) {
    }
}
