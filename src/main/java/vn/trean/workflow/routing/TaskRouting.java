package vn.trean.workflow.routing;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;

/**
 * Runs when any user task of a case is created, after {@link RoutedCandidateGroups} routed its roles to
 * agencies: gives those agencies need-to-know access to the case and opens the step in the timeline.
 */
@Component
public class TaskRouting implements TaskListener {

    private final CaseFiles cases;
    private final WorkflowSettings settings;

    TaskRouting(CaseFiles cases, WorkflowSettings settings) {
        this.cases = cases;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        CaseContext context = CaseContext.of(task);
        if (context == null) {
            return;
        }
        Object measure = task.getVariable(Var.MEASURE_ID);
        UUID measureId = measure == null ? null : UUID.fromString(measure.toString());
        List<String> agencies = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                cases.grantAccess(context.caseId(), link.getGroupId());
                agencies.add(link.getGroupId());
            }
        }
        String stepKey = Step.ofElementId(task.getTaskDefinitionKey()).map(Step::formKey)
                .orElse(task.getTaskDefinitionKey());
        if (measureId != null && task.getDueDate() == null) {
            cases.measure(measureId).ifPresent(m -> task.setDueDate(Date.from(
                    m.endDate().atTime(LocalTime.of(17, 0)).atZone(settings.zone()).toInstant())));
        }
        if (Step.EMERGENCY_INTERVENTION.elementId().equals(task.getTaskDefinitionKey())) {
            cases.markEmergency(context.caseId());
        }
        Date due = task.getDueDate();
        cases.stepOpened(context.caseId(), stepKey, task.getId(), agencies.isEmpty() ? null : agencies.get(0),
                ClockUtil.getCurrentTime().toInstant(), due == null ? null : due.toInstant());
    }
}
