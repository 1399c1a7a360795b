package vn.trean.workflow.delegate;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.organisation.Agency;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.CaseContext;

/** S2: the report passes to the commune People's Committee at once; the timeline records to whom and when. */
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
        Agency committee = router.agencyFor("commune-chairman", context, null);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String stepId = STEP + ":" + context.caseId();
        cases.grantAccess(context.caseId(), committee.id());
        cases.stepOpened(context.caseId(), STEP, stepId, committee.id(), now, null);
        cases.recordStepData(stepId, Map.of("to", committee.id()));
        cases.stepCompleted(stepId, "system", now);
    }
}
