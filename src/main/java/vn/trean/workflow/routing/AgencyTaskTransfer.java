package vn.trean.workflow.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.organisation.AgencyWork;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.WorkflowEvents.TaskRerouted;

/**
 * The engine's side of an agency's open work: its tasks are those whose candidate group is the agency's id.
 * Moving them replaces the candidate group in the engine, gives the new agency need-to-know access to each
 * case, and announces {@link TaskRerouted} so the work lists follow in the same transaction.
 */
@Component
class AgencyTaskTransfer implements AgencyWork {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CaseFiles cases;
    private final ApplicationEventPublisher events;

    AgencyTaskTransfer(TaskService tasks, RuntimeService runtime, CaseFiles cases, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.cases = cases;
        this.events = events;
    }

    @Override
    public List<OpenTask> openTasksOf(String agencyId) {
        return openTasks(agencyId).stream().map(this::openTask).toList();
    }

    @Override
    @Transactional
    public List<OpenTask> moveOpenTasks(String fromAgencyId, String toAgencyId) {
        List<OpenTask> moved = new ArrayList<>();
        for (Task task : openTasks(fromAgencyId)) {
            tasks.deleteCandidateGroup(task.getId(), fromAgencyId);
            tasks.addCandidateGroup(task.getId(), toAgencyId);
            Map<String, Object> vars = tasks.getVariables(task.getId(), List.of(Var.CASE_ID));
            Object caseId = vars.get(Var.CASE_ID);
            if (caseId != null) {
                cases.grantAccess(UUID.fromString(caseId.toString()), toAgencyId);
            }
            // a claim by someone of the old agency would keep the task out of the new agency's list
            if (task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
            }
            events.publishEvent(new TaskRerouted(task.getId(), candidateGroups(task.getId())));
            moved.add(openTask(task));
        }
        return moved;
    }

    private List<Task> openTasks(String agencyId) {
        return tasks.createTaskQuery().taskCandidateGroup(agencyId).includeAssignedTasks()
                .orderByTaskCreateTime().asc().list();
    }

    private OpenTask openTask(Task task) {
        ProcessInstance instance = task.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return new OpenTask(task.getId(), instance == null ? null : instance.getBusinessKey(),
                Step.ofElementId(task.getTaskDefinitionKey()).map(Step::formKey).orElse(task.getTaskDefinitionKey()));
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
