package vn.trean.workflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;
import vn.trean.organisation.Organisation;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.CaseProcess.Step;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.ModelFinding;
import vn.trean.workflow.routing.AgencyRouter;

/**
 * The rules a set of models must keep before it goes live, so that the procedure stays lawful and
 * the app keeps working: files parse; every user task routes to roles or agencies that exist and has
 * a form that exists; the 12-hour steps stay under the timer of the 12 hours from receipt; history
 * has a time to live; a decision the process reads exists and gives what the process reads. And a
 * model runs no code of its own and reaches no bean but the project's delegates ({@link CodeRules});
 * only BPMN, DMN and form files are deployed.
 */
@Component
public class ModelRules {

    /** The timer of the legal window: its due date is 12 hours after receipt (see CaseProcessStarter). */
    static final String WINDOW_TIMER_DATE = "${" + Var.WINDOW_ENDS_AT + "}";

    private final Organisation organisation;
    private final ObjectMapper json;
    private final DeployedArtifacts deployed;
    private final CodeRules code;

    ModelRules(Organisation organisation, ObjectMapper json, DeployedArtifacts deployed, BeanFactory beans) {
        this.organisation = organisation;
        this.json = json;
        this.deployed = deployed;
        this.code = new CodeRules(new ModelExpressions(CaseProcess.Delegate.ALL, beans::containsBean),
                CaseProcess.Delegate.ALL);
    }

    public List<ModelFinding> check(Map<String, byte[]> resources) {
        List<ModelFinding> findings = new ArrayList<>();
        Map<String, BpmnModelInstance> processes = new HashMap<>();
        Map<String, DmnModelInstance> decisions = new HashMap<>();
        Set<String> formIds = new HashSet<>();
        resources.forEach((name, bytes) -> {
            try {
                if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    findings.addAll(code.checkBpmn(name, bytes));
                    processes.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
                } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                    findings.addAll(code.checkDmn(name, bytes));
                    decisions.put(name, Dmn.readModelFromStream(new ByteArrayInputStream(bytes)));
                } else if (!name.endsWith(".form")) {
                    // CMMN, scripts, HTML forms: nothing the app uses, and each a way to run code
                    findings.add(new ModelFinding(name, null, "resource-type", List.of(name)));
                } else {
                    JsonNode form = json.readTree(bytes);
                    if (!form.hasNonNull("id") || !form.path("components").isArray()) {
                        findings.add(new ModelFinding(name, null, "form-invalid", List.of()));
                    } else {
                        formIds.add(form.get("id").asText());
                    }
                }
            } catch (Exception e) {
                findings.add(new ModelFinding(name, null, "parse", List.of(rootMessage(e))));
            }
        });
        Map<String, Decision> decisionsByKey = new HashMap<>();
        decisions.forEach((name, model) -> {
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                decisionsByKey.put(decision.getId(), decision);
                if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                    findings.add(new ModelFinding(name, decision.getId(), "history-ttl", List.of()));
                }
            }
        });
        Set<String> roles = new HashSet<>(organisation.roles());
        roles.add(AgencyRouter.PLAN_MEASURE_OWNER);
        organisation.agencies().forEach(a -> roles.add(a.id()));
        processes.forEach((name, model) -> checkProcess(name, model, roles, formIds, decisionsByKey, findings));
        return findings;
    }

    private void checkProcess(String resource, BpmnModelInstance model, Set<String> groups, Set<String> formIds,
                              Map<String, Decision> decisions, List<ModelFinding> findings) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                continue;
            }
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                findings.add(new ModelFinding(resource, process.getId(), "history-ttl", List.of()));
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkRouting(resource, task, groups, findings);
            checkForm(resource, task, formIds, findings);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            checkDecision(resource, task, decisions, findings);
        }
        checkTwelveHourWindow(resource, model, findings);
    }

    private static void checkRouting(String resource, UserTask task, Set<String> groups, List<ModelFinding> findings) {
        String candidates = task.getCamundaCandidateGroups();
        if (isBlank(candidates)) {
            findings.add(new ModelFinding(resource, task.getId(), "no-candidate-groups", List.of(label(task))));
            return;
        }
        for (String group : candidates.split(",")) {
            String g = group.trim();
            if (!g.contains("${") && !groups.contains(g)) {
                findings.add(new ModelFinding(resource, task.getId(), "unknown-group", List.of(label(task), g)));
            }
        }
    }

    private void checkForm(String resource, UserTask task, Set<String> formIds, List<ModelFinding> findings) {
        String formRef = task.getCamundaFormRef();
        if (isBlank(formRef)) {
            findings.add(new ModelFinding(resource, task.getId(), "no-form", List.of(label(task))));
            return;
        }
        boolean sameDeployment = task.getCamundaFormRefBinding() == null
                || "deployment".equals(task.getCamundaFormRefBinding());
        if (!formIds.contains(formRef) && (sameDeployment || !deployed.hasForm(formRef))) {
            findings.add(new ModelFinding(resource, task.getId(), "unknown-form", List.of(label(task), formRef)));
        }
    }

    private void checkDecision(String resource, BusinessRuleTask task, Map<String, Decision> decisions,
                               List<ModelFinding> findings) {
        String key = task.getCamundaDecisionRef();
        if (isBlank(key)) {
            return;
        }
        Decision decision = decisions.get(key);
        if (decision == null) {
            findings.add(new ModelFinding(resource, task.getId(), "unknown-decision", List.of(label(task), key)));
            return;
        }
        if ("singleEntry".equals(task.getCamundaMapDecisionResult()) && task.getCamundaResultVariable() != null) {
            var outputs = decision.getChildElementsByType(DecisionTable.class).stream()
                    .flatMap(t -> t.getOutputs().stream()).map(o -> o.getName()).toList();
            if (!outputs.equals(List.of(task.getCamundaResultVariable()))) {
                findings.add(new ModelFinding(resource, task.getId(), "decision-output",
                        List.of(label(task), key, task.getCamundaResultVariable(), String.join(", ", outputs))));
            }
        }
    }

    /**
     * In the case process, each step of the 12-hour window must sit inside a scope (itself or an
     * enclosing sub-process) with a boundary timer due at the end of the 12 hours from receipt.
     */
    private static void checkTwelveHourWindow(String resource, BpmnModelInstance model, List<ModelFinding> findings) {
        if (model.getModelElementById(CaseProcess.KEY) == null) {
            return;
        }
        Collection<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class);
        Predicate<FlowElement> guarded = scope -> boundaries.stream()
                .filter(b -> b.getAttachedTo() == scope)
                .flatMap(b -> b.getEventDefinitions().stream())
                .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
                .anyMatch(t -> t.getTimeDate() != null && WINDOW_TIMER_DATE.equals(t.getTimeDate().getTextContent().trim()));
        for (Step step : Step.values()) {
            if (!step.inTwelveHourWindow()) {
                continue;
            }
            ModelElementInstance element = model.getModelElementById(step.elementId());
            if (!(element instanceof FlowElement task)) {
                findings.add(new ModelFinding(resource, step.elementId(), "window-step-missing", List.of(step.elementId())));
                continue;
            }
            boolean covered = false;
            for (ModelElementInstance scope = task; scope != null && !covered; scope = scope.getParentElement()) {
                covered = (scope == task || scope instanceof SubProcess) && guarded.test((FlowElement) scope);
            }
            if (!covered) {
                findings.add(new ModelFinding(resource, task.getId(), "window-timer", List.of(label(task))));
            }
        }
    }

    private static String label(FlowElement element) {
        return isBlank(element.getName()) ? element.getId() : element.getName() + " (" + element.getId() + ")";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
