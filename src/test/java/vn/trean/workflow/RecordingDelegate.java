package vn.trean.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for one of the model's delegate beans (registered with {@code Mocks.register}): counts its calls,
 * remembers the case each call was for, and optionally does what the real bean leaves in the process.
 */
final class RecordingDelegate implements JavaDelegate {

    interface Effect {
        void apply(DelegateExecution execution, int call);
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> caseIds = new CopyOnWriteArrayList<>();
    private final List<String> activityIds = new CopyOnWriteArrayList<>();
    private final Effect effect;

    RecordingDelegate() {
        this((execution, call) -> { });
    }

    RecordingDelegate(Effect effect) {
        this.effect = effect;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int call = calls.incrementAndGet();
        caseIds.add((String) execution.getVariable(CaseProcess.Var.CASE_ID));
        activityIds.add(execution.getCurrentActivityId());
        effect.apply(execution, call);
    }

    int calls() {
        return calls.get();
    }

    List<String> caseIds() {
        return List.copyOf(caseIds);
    }

    List<String> activityIds() {
        return List.copyOf(activityIds);
    }
}
