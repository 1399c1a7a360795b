package vn.trean.workflow.delegate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess.UnfoundedReport;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.CaseContext;

/**
 * The case is closed and archived at the commune People's Committee: as "verified, not a case" with the
 * officer's reason when the chairman confirmed closing an unfounded report, otherwise as a handled case.
 */
@Component("closeCase")
class CloseCase implements JavaDelegate {

    private final CaseFiles cases;

    CloseCase(CaseFiles cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var caseId = CaseContext.of(execution).caseId();
        if (UnfoundedReport.CONFIRM.equals(execution.getVariable(Var.EARLY_CLOSE_DECISION))) {
            cases.markVerifiedNotACase(caseId, (String) execution.getVariable(UnfoundedReport.REASON_FIELD));
        }
        cases.close(caseId, ClockUtil.getCurrentTime().toInstant());
    }
}
