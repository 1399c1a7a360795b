package vn.trean.workflow.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.trean.workflow.CaseProcess.Var;

/**
 * Wraps a candidate-group expression of a model so that a role it names ({@code commune-officer})
 * becomes the agency that carries the role for the case ({@code child-protection-00004}) at the moment
 * the task is created. Models stay readable and portable; routing stays configuration. A group that is
 * not a role, or a task outside a case, passes through unchanged.
 */
public final class RoutedCandidateGroups implements Expression {

    private final Expression modelled;
    private final AgencyRouter router;

    public RoutedCandidateGroups(Expression modelled, AgencyRouter router) {
        this.modelled = modelled;
        this.router = router;
    }

    @Override
    public Object getValue(VariableScope scope) {
        Object value = modelled.getValue(scope);
        CaseContext context = CaseContext.of(scope);
        if (context == null || value == null) {
            return value;
        }
        Collection<?> groups = value instanceof Collection<?> c ? c : List.of(value.toString().split(","));
        Object measure = scope.getVariable(Var.MEASURE_ID);
        UUID measureId = measure == null ? null : UUID.fromString(measure.toString());
        List<String> routed = new ArrayList<>();
        for (Object group : groups) {
            String name = group.toString().trim();
            routed.add(router.isRole(name) ? router.agencyFor(name, context, measureId).id() : name);
        }
        return routed;
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
        modelled.setValue(value, scope);
    }

    @Override
    public String getExpressionText() {
        return modelled.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
        return false;
    }
}
