package vn.trean.workflow.routing;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.WorkflowEvents.SeparationReported;

/**
 * A separation decided is reported to the province department (and a legacy record's district labour office) at
 * once, as an emergency is ({@link TaskRouting}, {@link UpwardReport}): an entry in the case's timeline with the time
 * and whom it was reported to, and {@link SeparationReported} for its notification (issue 9, item 2).
 */
@Component
class SeparationReport {

    private final UpwardReport upwardReport;
    private final ApplicationEventPublisher events;

    SeparationReport(UpwardReport upwardReport, ApplicationEventPublisher events) {
        this.upwardReport = upwardReport;
        this.events = events;
    }

    void report(DelegateTask decision, CaseContext context, Instant now) {
        UpwardReport.Recipients told = upwardReport.record(context, CaseProcess.SEPARATION_REPORTED_ENTRY,
                decision.getId(), now);
        events.publishEvent(new SeparationReported(context.caseId(), decision.getExecution().getProcessBusinessKey(),
                context.communeCode(), context.provinceCode(), now, told.province(), decision.getId(),
                told.legacyDistrict()));
    }
}
