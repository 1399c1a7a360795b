package vn.trean.organisation.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.trean.organisation.AdministrationScope;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.organisation.AgencyKind;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.organisation.AgencyWork;
import vn.trean.organisation.AgencyWork.OpenTask;
import vn.trean.organisation.OrganisationAdministration;
import vn.trean.organisation.RoutingRule;
import vn.trean.organisation.RoutingRule.Scope;

/** The module's administration door for other modules (the pages): the same services the API calls. */
@Service
class AdministrationService implements OrganisationAdministration {

    private final AgencyAdministration agencies;
    private final RoutingAdministration routing;
    private final AgencyWork work;
    private final AdministrationScopes scopes;
    private final Organisation organisation;

    AdministrationService(AgencyAdministration agencies, RoutingAdministration routing, AgencyWork work,
                          AdministrationScopes scopes, Organisation organisation) {
        this.agencies = agencies;
        this.routing = routing;
        this.work = work;
        this.scopes = scopes;
        this.organisation = organisation;
    }

    @Override
    public List<Locality> administeredProvinces() {
        AdministrationScope scope = scopes.current();
        return organisation.provinces().stream().filter(p -> scope.coversProvince(p.code())).toList();
    }

    @Override
    public List<OpenTask> openTasksOf(String agencyId) {
        return work.openTasksOf(agencyId);
    }

    @Override
    public List<AgencyEntry> agencies(String localityCode) {
        return agencies.list(localityCode);
    }

    @Override
    public Optional<AgencyEntry> agency(String id) {
        return agencies.find(id);
    }

    @Override
    public AgencyEntry createAgency(AgencyKind kind, String name, String localityCode, LocalDate validFrom,
                                    LocalDate validTo, String actor) {
        return agencies.create(kind, name, localityCode, validFrom, validTo, actor);
    }

    @Override
    public AgencyEntry updateAgency(String id, String name, LocalDate validTo, String actor) {
        return agencies.update(id, name, validTo, actor);
    }

    @Override
    public AgencyEntry retireAgency(String id, LocalDate on, String actor) {
        return agencies.retire(id, on, actor);
    }

    @Override
    public List<OpenTask> moveOpenTasks(String fromAgencyId, String toAgencyId, String actor) {
        return agencies.moveOpenTasks(fromAgencyId, toAgencyId, actor);
    }

    @Override
    public List<RoutingRule> rules() {
        return routing.rules();
    }

    @Override
    public RoutingRule addRule(String roleKey, AgencyKind kind, Scope scope, LocalDate validFrom, LocalDate validTo,
                               String provinceCode, String actor) {
        return routing.add(roleKey, kind, scope, validFrom, validTo, provinceCode, actor);
    }

    @Override
    public RoutingRule endRule(long id, LocalDate validTo, String actor) {
        return routing.end(id, validTo, actor);
    }

    @Override
    public List<Gap> gaps(String provinceCode, LocalDate on) {
        return routing.gaps(provinceCode, on);
    }
}
