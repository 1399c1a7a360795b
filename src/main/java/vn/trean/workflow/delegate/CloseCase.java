package vn.trean.workflow.delegate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.routing.CaseContext;

/** The case is closed and archived at the commune People's Committee. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

    private final CaseFiles cases;

    CloseCase(CaseFiles cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.close(CaseContext.of(execution).caseId(), ClockUtil.getCurrentTime().toInstant());
    }
}
