package vn.trean.workflow.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.trean.workflow.ModelFinding;
import vn.trean.workflow.WorkflowEvents.ModelsDeployed;

/**
 * Runs before the engine's own deployers on every new deployment — from the models API, from
 * {@code /engine-rest/deployment/create} (Camunda Modeler) or from the application's start — and
 * refuses the whole deployment when {@link ModelRules} has findings. The refusal is the engine's
 * {@link ParseException}, so the REST API answers 400 with each finding and its element.
 */
@Component
public class ModelGuard implements Deployer {

    private final ModelRules rules;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    ModelGuard(ModelRules rules, MessageSource messages, ApplicationEventPublisher events) {
        this.rules = rules;
        this.messages = messages;
        this.events = events;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // re-reading a deployment that already passed, e.g. after a restart
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<ModelFinding> findings = rules.check(resources);
        if (!findings.isEmpty()) {
            List<Problem> problems = findings.stream().map(f -> (Problem) new FindingProblem(f, describe(f))).toList();
            throw new ParseException("ENGINE-TREAN: model refused: " + problems.get(0).getMessage()
                    + (problems.size() > 1 ? " (+" + (problems.size() - 1) + ")" : ""),
                    findings.get(0).resource(), problems, List.of());
        }
        var command = Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        events.publishEvent(new ModelsDeployed(deployment.getId(), deployment.getName(), deployment.getSource(),
                user == null ? "system" : user));
    }

    /** Vietnamese, then English: the engine API has no caller language. */
    public String describe(ModelFinding f) {
        Object[] args = f.args().toArray();
        return messages.getMessage("model." + f.code(), args, f.code(), Locale.forLanguageTag("vi")) + " / "
                + messages.getMessage("model." + f.code(), args, f.code(), Locale.ENGLISH);
    }

    private record FindingProblem(ModelFinding finding, String message) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return finding.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return finding.elementId() == null ? List.of() : List.of(finding.elementId());
        }
    }
}
