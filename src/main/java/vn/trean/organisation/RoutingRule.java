package vn.trean.organisation;

import java.time.LocalDate;

/**
 * Which kind of agency carries a role of the models, in which scope (the case's commune, its province or the
 * whole country), from when to when (validTo inclusive, null = open), for the cases of one province or of every
 * province ({@code provinceCode} null). For a case of a province, that province's rules of a role win over the
 * nationwide ones of the same role.
 */
public record RoutingRule(long id, String roleKey, AgencyKind agencyKind, Scope scope, LocalDate validFrom,
                          LocalDate validTo, String provinceCode) {

    public enum Scope { COMMUNE, PROVINCE, NATIONAL }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !to.isBefore(validFrom)) && (validTo == null || !validTo.isBefore(from));
    }
}
