package vn.trean.web;

import java.util.List;
import java.util.Set;
import vn.trean.casefile.CaseView;
import vn.trean.casefile.PlanMeasure;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;

/**
 * A case file cut to what its reader's role needs: the one place that decides which parts of a case a
 * page shows.
 *
 * <p>The commune officer and chairman run the case and the province supervisor oversees it: they see
 * all of it. Every other agency a step was routed to (police, school, health station, the hotline
 * that received the report) sees the child, the category and what was asked of it: its own steps
 * with what it recorded, and the plan measures routed to its role. It sees the report's details
 * (family situation, informant, condition) only if it received the report itself, and neither other
 * agencies' step records nor who read the file.
 *
 * @param report  null when hidden
 * @param steps   the timeline steps shown
 * @param viewers whether the list of who read the file is shown
 */
public record CaseSheet(CaseView caseView, boolean fullView, CaseView.Report report, List<CaseView.Step> steps,
                        List<PlanMeasure> measures, boolean viewers) {

    private static final Set<Role> RUN_OR_OVERSEE_CASES =
            Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.PROVINCE_SUPERVISOR);

    static CaseSheet of(CaseView view, CurrentUser reader) {
        if (RUN_OR_OVERSEE_CASES.contains(reader.role())) {
            return new CaseSheet(view, true, view.report(), view.steps(), view.measures(), true);
        }
        boolean receivedIt = view.report() != null && reader.agencyId().equals(view.report().receivingAgencyId());
        String roleKey = measureRoleOf(reader.role());
        return new CaseSheet(view, false, receivedIt ? view.report() : null,
                view.steps().stream().filter(s -> reader.agencyId().equals(s.agencyId())).toList(),
                view.measures().stream().filter(m -> m.responsibleRole().equals(roleKey)).toList(),
                false);
    }

    /** The plan's name for the role (draft_plan.form, responsibleRole), or null for roles no measure is routed to. */
    static String measureRoleOf(Role role) {
        return switch (role) {
            case POLICE -> "police";
            case EDUCATION -> "education";
            case HEALTH -> "health";
            case COMMUNE_OFFICER -> "commune-officer";
            default -> null;
        };
    }
}
