package vn.trean.workflow;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseEvents.CaseOpened;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.WorkflowSettings;

/**
 * Starts the case process when a case is opened, in the same transaction (a plain, synchronous
 * listener on purpose): the case row and its process instance commit together or not at all.
 * Whether the commune has a receiving agency is decided here, once, at receipt: a case of a commune
 * without one goes first to the province department (the model's gateway), and a commune given its
 * agency later routes its new cases the usual way.
 */
@Component
class CaseProcessStarter {


    private final RuntimeService runtime;
    private final CaseFiles cases;
    private final WorkflowSettings settings;
    private final AgencyRouter router;

    CaseProcessStarter(RuntimeService runtime, CaseFiles cases, WorkflowSettings settings, AgencyRouter router) {
        this.runtime = runtime;
        this.cases = cases;
        this.settings = settings;
        this.router = router;
    }

    @EventListener
    void on(CaseOpened opened) {
        Instant windowEndsAt = opened.receivedAt().plus(CaseProcess.TWELVE_HOUR_SPAN);
        ProcessInstance instance = runtime.createProcessInstanceByKey(CaseProcess.KEY)
                .businessKey(opened.caseNumber())
                .setVariables(Variables.createVariables()
                        .putValue(Var.CASE_ID, opened.caseId().toString())
                        .putValue(Var.COMMUNE_CODE, opened.communeCode())
                        .putValue(Var.PROVINCE_CODE, opened.provinceCode())
                        .putValue(Var.RECEIVED_AT, Date.from(opened.receivedAt()))
                        .putValue(Var.WINDOW_ENDS_AT, Date.from(windowEndsAt))
                        .putValue(Var.WINDOW_REMINDER_AT, Date.from(windowEndsAt.minus(settings.reminderBeforeWindow())))
                        .putValue(Var.SEPARATION_NEEDED, false)
                        .putValue(Var.RECEIVING_AGENCY_KNOWN, router.resolvesByRules(CaseProcess.Role.COMMUNE_OFFICER,
                                opened.communeCode(), opened.provinceCode())))
                .execute();
        cases.attachProcess(opened.caseId(), instance.getId());
    }
}
