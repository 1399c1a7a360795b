package vn.trean.workflow.delegate;

import java.util.ArrayList;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.routing.CaseContext;

/** The approved plan takes effect: one implementation task per measure (the ids become the multi-instance collection). */
@Component("activatePlan")
class ActivatePlan implements JavaDelegate {

    private final CaseFiles cases;

    ActivatePlan(CaseFiles cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var ids = new ArrayList<String>();
        for (UUID id : cases.activatePlan(CaseContext.of(execution).caseId())) {
            ids.add(id.toString());
        }
        execution.setVariable(Var.MEASURE_IDS, Variables.objectValue(ids).serializationDataFormat("application/json").create());
    }
}
