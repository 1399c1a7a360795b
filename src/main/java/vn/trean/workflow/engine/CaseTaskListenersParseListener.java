package vn.trean.workflow.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import vn.trean.workflow.routing.AgencyRouter;
import vn.trean.workflow.routing.RoutedCandidateGroups;

/**
 * Attaches routing and step recording to every user task of every deployed model, so that a process
 * owner's model gets them without writing listeners into the BPMN: roles in candidate groups become
 * agencies, and the create and complete listeners keep the case's timeline.
 */
class CaseTaskListenersParseListener extends AbstractBpmnParseListener {

    private final AgencyRouter router;
    private final TaskListener onCreate;
    private final TaskListener onComplete;
    private final TaskListener onHandover;

    CaseTaskListenersParseListener(AgencyRouter router, TaskListener onCreate, TaskListener onComplete,
                                   TaskListener onHandover) {
        this.router = router;
        this.onCreate = onCreate;
        this.onComplete = onComplete;
        this.onHandover = onHandover;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var behavior = activity.getActivityBehavior();
        // a multi-instance task's behaviour wraps the user task behaviour of its inner activity
        if (behavior instanceof UserTaskActivityBehavior userTask) {
            var groups = userTask.getTaskDefinition().getCandidateGroupIdExpressions();
            var modelled = List.copyOf(groups);
            groups.clear();
            modelled.forEach(expression -> groups.add(new RoutedCandidateGroups(expression, router)));
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onHandover);
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, onHandover);
        }
    }
}
