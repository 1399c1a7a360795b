package vn.trean.workflow.routing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Organisation;

/**
 * Turns a role of the model ({@code commune-officer}, {@code province-supervisor}, ...) into the agency
 * that carries it for a case, by the routing rules in force on the engine's current day.
 */
@Component
public class AgencyRouter {

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
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        String resolved = effectiveRole;
        return organisation.agencyForRole(resolved, context.communeCode(), context.provinceCode(), today)
                .orElseThrow(() -> new RoutingException(resolved, context.communeCode()));
    }

    public boolean isRole(String candidateGroup) {
        return PLAN_MEASURE_OWNER.equals(candidateGroup) || organisation.roles().contains(candidateGroup);
    }
}
