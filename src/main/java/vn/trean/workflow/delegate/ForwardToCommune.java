package vn.trean.workflow.delegate;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.organisation.Agency;
import vn.trean.workflow.CaseProcess.Role;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.CaseContext;

/**
 * S2: the report passes to the commune People's Committee at once; the timeline records to whom and when.
 * A commune with no committee in the system gets it through the province department (the 2025 path
 * hotline → Sở Y tế → commune), which then assigns a receiving agency: the report is never lost for want
 * of a commune agency.
 */
@Component("forwardToCommune")
class ForwardToCommune implements JavaDelegate {

    static final String STEP = "forward_to_commune";

    private final AgencyRouter router;
    private final CaseFiles cases;

    ForwardToCommune(AgencyRouter router, CaseFiles cases) {
        this.router = router;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseContext context = CaseContext.of(execution);
        Agency committee = router.resolvesByRules(Role.COMMUNE_CHAIRMAN, context.communeCode(), context.provinceCode())
                ? router.agencyFor(Role.COMMUNE_CHAIRMAN, context, null)
                : router.agencyFor(Role.PROVINCE_SUPERVISOR, context, null);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String stepId = STEP + ":" + context.caseId();
        cases.grantAccess(context.caseId(), committee.id());
        cases.stepOpened(context.caseId(), STEP, stepId, committee.id(), now, null);
        // who passed it down (the hotline or the province department that received it): the 12 hours already run
        // from that first receipt (receivedAt), not from this moment, which the entry records as its completion
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        cases.firstReceivingAgency(context.caseId()).ifPresent(from -> data.put("from", from));
        data.put("to", committee.id());
        cases.recordStepData(stepId, data);
        cases.stepCompleted(stepId, "system", now);
    }
}
