package vn.trean.workflow;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.identity.CurrentUser;
import vn.trean.problem.ApiProblem;
import vn.trean.workflow.CaseProcess.Step;

/**
 * Issue 12 item 6: a child in alternative care when the case closed is followed (the model's
 * {@code sub_care_follow_up}): the carer reports to the commune every 6 months and whenever the care arrangement
 * changes. The 6-monthly report opens by itself; a change is reported by the case's officer, which opens the report
 * at once (and the next 6 months count from it).
 */
@Service
public class CareFollowUps {

    private final CaseFiles cases;
    private final RuntimeService runtime;
    private final TaskService tasks;

    CareFollowUps(CaseFiles cases, RuntimeService runtime, TaskService tasks) {
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * The officer of the case's commune reports a change of the care arrangement: the report step opens for their
     * agency and its id is returned. 404 for a case the user may not see, 403 for anyone else who sees it, 409 when
     * the child is not followed in alternative care or a report is already open.
     */
    @Transactional
    public String reportChange(UUID caseId, CurrentUser user) {
        ProcessInstance process = waiting(caseId, user);
        runtime.createMessageCorrelation(CaseProcess.CARE_CHANGED_MESSAGE).processInstanceId(process.getId())
                .correlateWithResult();
        return tasks.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(Step.REPORT_ALTERNATIVE_CARE.elementId()).singleResult().getId();
    }

    /** Whether {@link #reportChange} would open a report for this user now: the case page offers it then. */
    @Transactional(readOnly = true)
    public boolean mayReportChange(UUID caseId, CurrentUser user) {
        try {
            waiting(caseId, user);
            return true;
        } catch (ApiProblem refused) {
            return false;
        }
    }

    private ProcessInstance waiting(UUID caseId, CurrentUser user) {
        CaseOfficer.require(cases, caseId, user, "care-change-not-allowed");
        ProcessInstance process = CaseOfficer.runningProcess(runtime, caseId);
        boolean waiting = process != null && runtime.createEventSubscriptionQuery().processInstanceId(process.getId())
                .eventType("message").eventName(CaseProcess.CARE_CHANGED_MESSAGE).count() > 0;
        if (!waiting) {
            throw new ApiProblem(HttpStatus.CONFLICT, "care-follow-up-not-waiting", caseId);
        }
        return process;
    }
}
