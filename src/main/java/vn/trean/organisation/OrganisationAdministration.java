package vn.trean.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.trean.organisation.AgencyWork.OpenTask;
import vn.trean.organisation.RoutingRule.Scope;

/**
 * What administrators change in the organisation — agencies and routing rules — for the pages and the API
 * alike: one door, so that a page's change has the same checks and the same audit entries as the API's. The
 * caller decides who may call it (the security rules admit administrators only); {@code actor} is the name the
 * audit log records.
 */
public interface OrganisationAdministration {

    /** An agency as administrators see it: where it serves and from when to when (validTo inclusive, null = open). */
    record AgencyEntry(String id, AgencyKind kind, String name, String localityList, String localityCode,
                       String localityName, String provinceCode, LocalDate validFrom, LocalDate validTo) {

        public boolean inServiceOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** A commune of a province where some roles of the models resolve to no agency on a day. */
    record Gap(String communeCode, String communeName, List<String> missingRoles) {
    }

    /** The provinces (2025 list) the signed-in administrator administers: all, or a province administrator's own. */
    List<Locality> administeredProvinces();

    /** The agencies of one locality (its code in either list), or all of them when the code is null. */
    List<AgencyEntry> agencies(String localityCode);

    Optional<AgencyEntry> agency(String id);

    AgencyEntry createAgency(AgencyKind kind, String name, String localityCode, LocalDate validFrom, LocalDate validTo,
                             String actor);

    AgencyEntry updateAgency(String id, String name, LocalDate validTo, String actor);

    AgencyEntry retireAgency(String id, LocalDate on, String actor);

    /** The open tasks routed to an agency: what must be moved before it can end. */
    List<OpenTask> openTasksOf(String agencyId);

    List<OpenTask> moveOpenTasks(String fromAgencyId, String toAgencyId, String actor);

    List<RoutingRule> rules();

    /** A rule for one province ({@code provinceCode}) or, with null, for the whole country. */
    RoutingRule addRule(String roleKey, AgencyKind kind, Scope scope, LocalDate validFrom, LocalDate validTo,
                        String provinceCode, String actor);

    RoutingRule endRule(long id, LocalDate validTo, String actor);

    List<Gap> gaps(String provinceCode, LocalDate on);
}
