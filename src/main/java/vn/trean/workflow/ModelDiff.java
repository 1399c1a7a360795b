package vn.trean.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * What changed between two versions of a BPMN model, in the words a process owner uses: steps added,
 * removed or renamed, who a step goes to, its deadline, a timer, where a flow leads. Elements are
 * matched by id, which the modeler keeps when a step is renamed, so a rename is not "removed + added".
 */
public final class ModelDiff {

    private ModelDiff() {
    }

    public enum Kind { ADDED, REMOVED, RENAMED, CANDIDATE_GROUPS, DUE_DATE, TIMER, FLOW }

    /** One change; {@code before}/{@code after} are the old and new value (a name, groups, a due date...). */
    public record Change(Kind kind, String elementId, String elementName, String before, String after) {
    }

    public static List<Change> bpmn(byte[] before, byte[] after) {
        Map<String, FlowElement> old = elements(Bpmn.readModelFromStream(new ByteArrayInputStream(before)));
        Map<String, FlowElement> now = elements(Bpmn.readModelFromStream(new ByteArrayInputStream(after)));
        List<Change> changes = new ArrayList<>();
        for (FlowElement element : now.values()) {
            FlowElement was = old.get(element.getId());
            if (was == null) {
                if (!(element instanceof SequenceFlow)) {
                    changes.add(new Change(Kind.ADDED, element.getId(), label(element), null, element.getName()));
                }
                continue;
            }
            if (!Objects.equals(blankToNull(was.getName()), blankToNull(element.getName()))) {
                changes.add(new Change(Kind.RENAMED, element.getId(), label(element), was.getName(), element.getName()));
            }
            if (was instanceof UserTask a && element instanceof UserTask b) {
                compare(changes, Kind.CANDIDATE_GROUPS, b, a.getCamundaCandidateGroups(), b.getCamundaCandidateGroups());
                compare(changes, Kind.DUE_DATE, b, a.getCamundaDueDate(), b.getCamundaDueDate());
            }
            compare(changes, Kind.TIMER, element, timer(was), timer(element));
            // a flow changes when it leads from or to another element or under another condition, not when a step is renamed
            if (was instanceof SequenceFlow a && element instanceof SequenceFlow b && !routeIds(a).equals(routeIds(b))) {
                changes.add(new Change(Kind.FLOW, element.getId(), label(element), route(a), route(b)));
            }
        }
        for (FlowElement was : old.values()) {
            if (!now.containsKey(was.getId()) && !(was instanceof SequenceFlow)) {
                changes.add(new Change(Kind.REMOVED, was.getId(), label(was), was.getName(), null));
            }
        }
        return changes;
    }

    private static void compare(List<Change> changes, Kind kind, FlowElement element, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            changes.add(new Change(kind, element.getId(), label(element), before, after));
        }
    }

    private static Map<String, FlowElement> elements(BpmnModelInstance model) {
        Map<String, FlowElement> byId = new LinkedHashMap<>();
        model.getModelElementsByType(FlowElement.class).forEach(e -> byId.put(e.getId(), e));
        return byId;
    }

    /** A timer's date, duration or cycle, for start, boundary and intermediate events. */
    private static String timer(FlowElement element) {
        java.util.Collection<org.camunda.bpm.model.bpmn.instance.EventDefinition> definitions = List.of();
        if (element instanceof BoundaryEvent b) {
            definitions = b.getEventDefinitions();
        } else if (element instanceof IntermediateCatchEvent i) {
            definitions = i.getEventDefinitions();
        } else if (element instanceof StartEvent s) {
            definitions = s.getEventDefinitions();
        }
        for (var definition : definitions) {
            if (definition instanceof TimerEventDefinition t) {
                if (t.getTimeDate() != null) {
                    return t.getTimeDate().getTextContent().trim();
                }
                if (t.getTimeDuration() != null) {
                    return t.getTimeDuration().getTextContent().trim();
                }
                if (t.getTimeCycle() != null) {
                    return t.getTimeCycle().getTextContent().trim();
                }
            }
        }
        return null;
    }

    private static String routeIds(SequenceFlow flow) {
        return (flow.getSource() == null ? "" : flow.getSource().getId()) + ">"
                + (flow.getTarget() == null ? "" : flow.getTarget().getId()) + ">"
                + (flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent().trim());
    }

    private static String route(SequenceFlow flow) {
        return name(flow.getSource()) + " → " + name(flow.getTarget())
                + (flow.getConditionExpression() == null ? "" : " [" + flow.getConditionExpression().getTextContent().trim() + "]");
    }

    private static String name(FlowNode node) {
        return node == null ? "?" : label(node);
    }

    private static String label(FlowElement element) {
        return element.getName() == null || element.getName().isBlank() ? element.getId() : element.getName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
