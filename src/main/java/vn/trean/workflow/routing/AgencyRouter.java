package vn.trean.workflow.routing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Locality.AdministrativeList;
import vn.trean.organisation.Organisation;
import vn.trean.workflow.CaseProcess;

/**
 * Turns a role of the model ({@code commune-officer}, {@code province-supervisor}, ...) into the agency
 * that carries it for a case, by the routing rules in force on the engine's current day.
 *
 * <p>A case of a commune without a receiving agency (issue 8 item 9) may have one chosen by the province
 * department ({@link CaseFiles#receivingAgency}): for that case only, it carries the commune officer's role,
 * and any other role that resolves to nobody in the commune. A chosen agency that has since left service
 * no longer counts; the rules then apply as for any case.
 */
@Component
public class AgencyRouter {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyRouter.class);

    /** The pseudo-role of a plan measure's task: the agency that the plan made responsible for it. */
    public static final String PLAN_MEASURE_OWNER = "plan-measure-owner";

    private final Organisation organisation;
    private final CaseFiles cases;
    private final ZoneId zone;

    AgencyRouter(Organisation organisation, CaseFiles cases, WorkflowSettings settings) {
        this.organisation = organisation;
        this.cases = cases;
        this.zone = settings.zone();
    }

    public Agency agencyFor(String role, CaseContext context, UUID measureId) {
        String effectiveRole = role;
        if (PLAN_MEASURE_OWNER.equals(role)) {
            effectiveRole = cases.measure(measureId).orElseThrow(() -> new RoutingException(role, context.communeCode()))
                    .responsibleRole();
        }
        LocalDate today = today();
        String resolved = effectiveRole;
        Optional<Agency> chosen = cases.receivingAgency(context.caseId()).flatMap(organisation::agency)
                .filter(a -> a.isActiveOn(today));
        if (chosen.isPresent() && CaseProcess.Role.COMMUNE_OFFICER.equals(resolved)) {
            return chosen.get();
        }
        return organisation.agencyForRole(resolved, context.communeCode(), context.provinceCode(), today)
                .or(() -> chosen)
                .orElseThrow(() -> new RoutingException(resolved, context.communeCode()));
    }

    /**
     * The agencies that carry those of {@code roles} that resolve for the case, without repeats, in order: who
     * to tell of a deadline. A case of a commune without staff (issue 8 item 9) has no commune agency to tell
     * until the province chose one; a notice must not fail for that.
     */
    public List<String> agenciesToNotify(CaseContext context, String... roles) {
        Set<String> ids = new LinkedHashSet<>();
        for (String role : roles) {
            try {
                ids.add(agencyFor(role, context, null).id());
            } catch (RoutingException nobody) {
                // the gap shows on the routing page's check and on the board; the others are still told
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The district labour offices to tell of a case received before 1 Jul 2025 (a legacy, three-tier record): those
     * in service today of the legacy districts whose communes the case's commune took over. None for a later case.
     * A legacy record whose office is not in the organisation is told to the province alone, and the log says so
     * with the case id and commune code only.
     */
    public List<String> legacyDistrictOfficesToNotify(CaseContext context) {
        boolean legacyRecord = cases.receivedAt(context.caseId())
                .map(received -> AdministrativeList.inForceOn(LocalDate.ofInstant(received, zone)) == AdministrativeList.LEGACY)
                .orElse(false);
        if (!legacyRecord) {
            return List.of();
        }
        List<String> offices = organisation.legacyDistrictOffices(context.communeCode(), today()).stream()
                .map(Agency::id).toList();
        if (offices.isEmpty()) {
            LOG.info("Case {} was received before 1 Jul 2025; no district labour office in service is known for commune {}:"
                    + " the province department alone is told", context.caseId(), context.communeCode());
        }
        return offices;
    }

    /** Whether the routing rules in force today give {@code role} an agency for the commune (no case's choice counted). */
    public boolean resolvesByRules(String role, String communeCode, String provinceCode) {
        return organisation.agencyForRole(role, communeCode, provinceCode, today()).isPresent();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    }

    public boolean isRole(String candidateGroup) {
        return PLAN_MEASURE_OWNER.equals(candidateGroup) || organisation.roles().contains(candidateGroup);
    }
}
