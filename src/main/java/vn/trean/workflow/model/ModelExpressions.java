package vn.trean.workflow.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a model's expression may do: read the process's variables, compare and combine them, name one of
 * the project's delegates, and read or write a variable through {@code execution} or {@code task}.
 * Nothing else: a method call on any other object reaches Java ({@code 'a'.getClass().forName(…)} loads
 * any class), a property of {@code execution} reaches the engine and its data source
 * ({@code execution.processEngine.processEngineConfiguration.dataSource}), a function returns objects with
 * more methods, and a bean outside the delegates reaches the database. The expression is parsed by the
 * engine's own EL parser, so what is checked is what would run.
 */
final class ModelExpressions {

    /** The engine's names for the element an expression runs on. */
    static final Set<String> CONTEXTS = Set.of("execution", "task");

    /** Reading and writing the process's own variables; the arguments are checked like the rest. */
    static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "setVariable", "setVariableLocal");

    /** Plain values of the execution or task; none of them leads to the engine's services. */
    static final Set<String> CONTEXT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "processDefinitionId", "currentActivityId", "currentActivityName", "activityInstanceId",
            "eventName", "name", "taskDefinitionKey", "assignee", "owner", "priority", "dueDate", "followUpDate",
            "createTime");

    /** The name the engine gives the signed-in user's id; a string. */
    static final String AUTHENTICATED_USER = "authenticatedUserId";

    private final Set<String> delegates;
    private final Predicate<String> isBean;

    /**
     * @param delegates the bean names a model may use
     * @param isBean    whether a name is a bean of the application (such a name outside the delegates is refused)
     */
    ModelExpressions(Set<String> delegates, Predicate<String> isBean) {
        this.delegates = Set.copyOf(delegates);
        this.isBean = isBean;
    }

    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * The parts of the expression that are not allowed (beans first), empty when it may run.
     *
     * @throws IllegalArgumentException when the text is no expression the engine could parse
     */
    List<String> disallowedParts(String text) {
        Node root;
        try {
            root = (Node) new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Set<String> beans = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        visit(root, beans, others);
        List<String> parts = new ArrayList<>(beans);
        parts.addAll(others);
        return parts;
    }

    /** Whether the name may stand alone in an expression: a delegate, the execution or task, or a variable. */
    boolean allowedName(String name) {
        return delegates.contains(name) || CONTEXTS.contains(name) || AUTHENTICATED_USER.equals(name)
                || !(isBean.test(name) || "caseExecution".equals(name) || "externalTask".equals(name));
    }

    private void visit(Node node, Set<String> beans, Set<String> others) {
        if (node instanceof AstIdentifier identifier) {
            if (!allowedName(identifier.getName())) {
                beans.add(identifier.getName());
            }
            return;
        }
        if (node instanceof AstFunction function) {
            others.add(function.getName() + "()");
        } else if (node instanceof AstMethod method) {
            Node property = method.getChild(0);
            Node parameters = method.getChild(1);
            if (property instanceof AstDot dot && onContext(dot) && CONTEXT_METHODS.contains(name(dot))) {
                visit(parameters, beans, others);
                return;
            }
            others.add(describe(property) + "()");
            for (int i = 0; i < property.getCardinality(); i++) {
                visit(property.getChild(i), beans, others);
            }
            visit(parameters, beans, others);
            return;
        } else if (node instanceof AstDot dot) {
            if (onContext(dot) && CONTEXT_PROPERTIES.contains(name(dot))) {
                return;
            }
            others.add(describe(dot));
        } else if (node instanceof AstBracket) {
            others.add("[…]");
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), beans, others);
        }
    }

    private static boolean onContext(AstDot dot) {
        return dot.getChild(0) instanceof AstIdentifier prefix && CONTEXTS.contains(prefix.getName());
    }

    private static String describe(Node property) {
        String prefix = property.getChild(0) instanceof AstIdentifier identifier ? identifier.getName() : "";
        return property instanceof AstDot dot ? prefix + "." + name(dot) : prefix + "[…]";
    }

    /** The property of {@code a.b}: the parser prints it as ". b" and keeps the name to itself. */
    private static String name(AstDot dot) {
        String printed = dot.toString();
        return printed.startsWith(". ") ? printed.substring(2) : printed;
    }
}
