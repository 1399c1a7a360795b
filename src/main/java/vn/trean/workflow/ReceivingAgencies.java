package vn.trean.workflow;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.organisation.Agency;
import vn.trean.organisation.AgencyKind;
import vn.trean.organisation.Organisation;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.CaseProcess.Role;
import vn.trean.workflow.routing.WorkflowSettings;

/**
 * Issue 8 item 9: who may carry the commune steps of a case whose commune has no receiving agency, and
 * recording the province department's choice. The choices are the agencies in service today, of a commune
 * of the case's province (its own or another: the reference data knows no neighbours), of a kind the routing
 * rules in force give the commune officer or the commune chairman. The server offers them in the step's
 * form and accepts no other.
 */
@Component
class ReceivingAgencies {

    /** Filled into the assign form's select: what the browser shows and what the server accepts. */
    record Choice(String value, String label) {
    }

    private final Organisation organisation;
    private final CaseFiles cases;
    private final WorkflowSettings settings;

    ReceivingAgencies(Organisation organisation, CaseFiles cases, WorkflowSettings settings) {
        this.organisation = organisation;
        this.cases = cases;
        this.settings = settings;
    }

    List<Agency> candidates(String provinceCode) {
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), settings.zone());
        Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
        kinds.addAll(organisation.communeKindsForRole(Role.COMMUNE_OFFICER, today));
        kinds.addAll(organisation.communeKindsForRole(Role.COMMUNE_CHAIRMAN, today));
        return organisation.communeAgenciesInService(provinceCode, kinds, today);
    }

    List<Choice> choices(String provinceCode) {
        Map<String, String> communes = organisation.communeNames(provinceCode);
        return candidates(provinceCode).stream()
                .map(a -> new Choice(a.id(), a.name() + " — " + communes.getOrDefault(a.localityCode(), a.localityCode())))
                .toList();
    }

    /** Records the choice for the case, or refuses it naming the field when it is not one of the choices. */
    void assign(UUID caseId, Object chosen, String actor) {
        String provinceCode = cases.communeOf(caseId).flatMap(organisation::commune).orElseThrow().provinceCode();
        String agencyId = chosen == null ? null : chosen.toString();
        if (agencyId == null || candidates(provinceCode).stream().noneMatch(a -> a.id().equals(agencyId))) {
            throw new InvalidFieldsProblem(List.of(new Violation(CaseProcess.RECEIVING_AGENCY_FIELD, "not-a-receiving-agency")));
        }
        cases.assignReceivingAgency(caseId, agencyId, actor, EngineClock.now());
    }
}
