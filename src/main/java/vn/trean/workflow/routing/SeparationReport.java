package vn.trean.workflow.routing;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.CaseProcess.Role;
import vn.trean.workflow.WorkflowEvents.SeparationReported;

/**
 * A separation decided is reported to the province department at once, as an emergency is
 * ({@link TaskRouting}): an entry in the case's timeline with the time, and {@link SeparationReported}
 * for its notification (issue 9, item 2).
 */
@Component
class SeparationReport {

    private final CaseFiles cases;
    private final AgencyRouter router;
    private final ApplicationEventPublisher events;

    SeparationReport(CaseFiles cases, AgencyRouter router, ApplicationEventPublisher events) {
        this.cases = cases;
        this.router = router;
        this.events = events;
    }

    void report(DelegateTask decision, CaseContext context, Instant now) {
        List<String> province = router.agenciesToNotify(context, Role.PROVINCE_SUPERVISOR);
        cases.recordTimelineEntry(context.caseId(), CaseProcess.SEPARATION_REPORTED_ENTRY,
                CaseProcess.SEPARATION_REPORTED_ENTRY + ":" + decision.getId(), province.isEmpty() ? null : province.get(0), now);
        events.publishEvent(new SeparationReported(context.caseId(), decision.getExecution().getProcessBusinessKey(),
                context.communeCode(), context.provinceCode(), now, province, decision.getId()));
    }
}
