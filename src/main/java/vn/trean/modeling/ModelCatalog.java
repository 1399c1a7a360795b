package vn.trean.modeling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.FindingsProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.workflow.ModelDiff;
import vn.trean.workflow.ModelFinding;
import vn.trean.workflow.ProcessModels;
import vn.trean.workflow.WorkflowEvents.ModelsDeployed;

/** What process owners do with models: see versions, validate, deploy with a note, roll back, migrate cases. */
@Service
public class ModelCatalog {

    private final ProcessModels models;
    private final UserDirectory users;
    private final JdbcClient jdbc;

    ModelCatalog(ProcessModels models, UserDirectory users, JdbcClient jdbc) {
        this.models = models;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** A version with who deployed it, when and why. */
    public record Version(ProcessModels.ModelVersion model, String note, String deployedBy) {
    }

    @Transactional(readOnly = true)
    public List<Version> versions() {
        requireProcessOwner();
        Map<String, String[]> notes = new HashMap<>();
        jdbc.sql("select deployment_id, note, deployed_by from model_deployment")
                .query((rs, i) -> notes.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
        return models.versions().stream().map(v -> {
            String[] note = notes.getOrDefault(v.deploymentId(), new String[] {null, null});
            return new Version(v, note[0], note[1]);
        }).toList();
    }

    /** The rules' findings for these files, without deploying anything. */
    public List<ModelFinding> validate(Map<String, byte[]> files) {
        requireProcessOwner();
        return models.validate(files);
    }

    @Transactional
    public ProcessModels.DeployedModels deploy(Map<String, byte[]> files, String note) {
        CurrentUser user = requireProcessOwner();
        String change = requireNote(note);
        if (files.isEmpty()) {
            throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation("files", "required")));
        }
        List<ModelFinding> findings = models.validate(files);
        if (!findings.isEmpty()) {
            throw refused(findings);
        }
        return record(models.deploy(change, files), change, user, null);
    }

    /** Rolls back by deploying the files of an earlier deployment again, as a new version. */
    @Transactional
    public ProcessModels.DeployedModels redeploy(String deploymentId, String note) {
        CurrentUser user = requireProcessOwner();
        String change = requireNote(note);
        if (models.deploymentOf(deploymentId) == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "deployment-not-found", deploymentId);
        }
        return record(models.redeploy(deploymentId, change), change, user, deploymentId);
    }

    public ProcessModels.MigrationPreview previewMigration(String source, String target, List<String> instanceIds) {
        requireProcessOwner();
        checkMigration(source, target, instanceIds);
        return models.preview(source, target, instanceIds);
    }

    public ProcessModels.MigrationStarted migrate(String source, String target, List<String> instanceIds) {
        requireProcessOwner();
        checkMigration(source, target, instanceIds);
        return models.migrate(source, target, instanceIds);
    }

    public ProcessModels.MigrationResult migrationResult(String batchId, List<String> instanceIds) {
        requireProcessOwner();
        List<InvalidFieldsProblem.Violation> violations = new java.util.ArrayList<>();
        checkIds(instanceIds, true, violations);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        return models.result(batchId, instanceIds);
    }

    /** Most cases one migration request may name: a page of the migration screen, not the whole register. */
    static final int MAX_MIGRATED_CASES = 1000;

    /** Unknown or missing versions are the caller's mistake (a 400 naming the field), not the engine's 500. */
    private void checkMigration(String source, String target, List<String> instanceIds) {
        List<InvalidFieldsProblem.Violation> violations = new java.util.ArrayList<>();
        checkDefinition("sourceDefinitionId", source, violations);
        checkDefinition("targetDefinitionId", target, violations);
        checkIds(instanceIds, false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
    }

    private void checkDefinition(String field, String id, List<InvalidFieldsProblem.Violation> violations) {
        if (id == null || id.isBlank()) {
            violations.add(new InvalidFieldsProblem.Violation(field, "required"));
        } else if (id.length() > 255 || !models.processDefinitionExists(id)) {
            violations.add(new InvalidFieldsProblem.Violation(field, "unknown-definition"));
        }
    }

    private static void checkIds(List<String> ids, boolean required, List<InvalidFieldsProblem.Violation> violations) {
        if (ids == null) {
            if (required) {
                violations.add(new InvalidFieldsProblem.Violation("processInstanceIds", "required"));
            }
        } else if (ids.size() > MAX_MIGRATED_CASES) {
            violations.add(new InvalidFieldsProblem.Violation("processInstanceIds", "too-many", MAX_MIGRATED_CASES));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) == null || ids.get(i).isBlank() || ids.get(i).length() > 64) {
                    violations.add(new InvalidFieldsProblem.Violation("processInstanceIds[" + i + "]", "pattern"));
                }
            }
        }
    }

    /** What a BPMN file changes against its latest deployed version: steps added, removed, renamed, rerouted, re-timed. */
    public List<ModelDiff.Change> changes(String resource, byte[] edited) {
        requireProcessOwner();
        byte[] deployed = models.currentResources(resource).get(resource);
        if (deployed == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "model-not-found", resource);
        }
        try {
            return ModelDiff.bpmn(deployed, edited);
        } catch (RuntimeException unreadable) {
            // the rules say why the file does not parse; the diff has nothing to compare
            throw refused(models.validate(Map.of(resource, edited)));
        }
    }

    /** The files process owners can open in the editor. */
    public List<String> resourceNames() {
        requireProcessOwner();
        return models.resourceNames();
    }

    /** Deployments that did not come through this catalog (Camunda Modeler, application start) still get their note. */
    @EventListener
    void on(ModelsDeployed deployed) {
        jdbc.sql("""
                        insert into model_deployment (deployment_id, note, deployed_by, deployed_at)
                        values (:id, :note, :by, now()) on conflict (deployment_id) do nothing""")
                .param("id", deployed.deploymentId())
                .param("note", deployed.name() == null ? "" : deployed.name())
                .param("by", deployed.deployedBy()).update();
    }

    private ProcessModels.DeployedModels record(ProcessModels.DeployedModels deployed, String note, CurrentUser user,
                                                String redeployedFrom) {
        jdbc.sql("""
                        insert into model_deployment (deployment_id, note, deployed_by, deployed_at, redeployed_from)
                        values (:id, :note, :by, :at, :from)
                        on conflict (deployment_id) do update set note = :note, deployed_by = :by, redeployed_from = :from""")
                .param("id", deployed.deploymentId()).param("note", note).param("by", user.username())
                .param("at", Timestamp.from(Instant.now())).param("from", redeployedFrom).update();
        return deployed;
    }

    static FindingsProblem refused(List<ModelFinding> findings) {
        return new FindingsProblem(HttpStatus.UNPROCESSABLE_ENTITY, "model-refused", findings.stream()
                .map(f -> new FindingsProblem.Finding(f.resource(), f.elementId(), "model." + f.code(), f.args().toArray()))
                .toList());
    }

    private static String requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation("note", "required")));
        }
        if (vn.trean.problem.PlainText.refuses(note)) {
            throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation("note", "control-character")));
        }
        return note.trim().length() > 250 ? note.trim().substring(0, 250) : note.trim();
    }

    CurrentUser requireProcessOwner() {
        CurrentUser user = users.requireCurrent();
        if (!user.role().usesEngineTools()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        return user;
    }
}
