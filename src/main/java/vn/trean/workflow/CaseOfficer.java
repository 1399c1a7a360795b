package vn.trean.workflow;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.problem.ApiProblem;
import vn.trean.workflow.CaseProcess.Var;

/**
 * The check the officer's own requests on a case share (an amendment, a change of alternative care): 404 for a case
 * the user may not see, 403 {@code refusal} for anyone but the child-protection officer of the case's commune; and
 * the case's running process, if any.
 */
final class CaseOfficer {

    private CaseOfficer() {
    }

    static void require(CaseFiles cases, UUID caseId, CurrentUser user, String refusal) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        boolean officerOfTheCommune = user.role() == Role.COMMUNE_OFFICER
                && cases.summary(caseId).map(c -> c.communeCode().equals(user.localityCode())).orElse(false);
        if (!officerOfTheCommune) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, refusal, caseId);
        }
    }

    static ProcessInstance runningProcess(RuntimeService runtime, UUID caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
                .variableValueEquals(Var.CASE_ID, caseId.toString()).active().singleResult();
    }
}
