package vn.trean.workflow.routing;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.trean.workflow.CaseProcess.Var;

/** The ids a case process carries, read in one typed place. */
public record CaseContext(UUID caseId, String communeCode, String provinceCode) {

    /** The case of a task or execution, or null when it belongs to a process that is not a case. */
    public static CaseContext of(VariableScope scope) {
        Object caseId = scope.getVariable(Var.CASE_ID);
        if (caseId == null) {
            return null;
        }
        return new CaseContext(UUID.fromString(caseId.toString()), (String) scope.getVariable(Var.COMMUNE_CODE),
                (String) scope.getVariable(Var.PROVINCE_CODE));
    }
}
