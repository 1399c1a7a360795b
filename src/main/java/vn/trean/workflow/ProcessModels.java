package vn.trean.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.workflow.model.ModelRules;

/**
 * The models process owners change: their versions and the cases running on each, validation,
 * deployment (a new version serves new cases; running cases stay where they are), and migration of
 * running cases to another version through the engine's migration plans.
 */
@Service
public class ProcessModels {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ModelRules rules;
    private final JdbcClient jdbc;
    private final SeparationReminders separationReminders;

    ProcessModels(RepositoryService repository, RuntimeService runtime, ManagementService management, ModelRules rules,
                  JdbcClient jdbc, SeparationReminders separationReminders) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.rules = rules;
        this.jdbc = jdbc;
        this.separationReminders = separationReminders;
    }

    /** One deployed version of a process, decision table or form. */
    public record ModelVersion(String kind, String key, String name, int version, String definitionId,
                               String deploymentId, Instant deployedAt, long runningCases) {
    }

    public record DeployedModels(String deploymentId, Instant deployedAt, List<String> definitionIds) {
    }

    public List<ModelFinding> validate(Map<String, byte[]> resources) {
        return rules.check(resources);
    }

    /** Every version of every model, newest first within each key. */
    @Transactional(readOnly = true)
    public List<ModelVersion> versions() {
        Map<String, Long> running = new LinkedHashMap<>();
        jdbc.sql("select proc_def_id_, count(*) from act_ru_execution where parent_id_ is null group by proc_def_id_")
                .query((rs, i) -> running.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Instant> deployedAt = new LinkedHashMap<>();
        repository.createDeploymentQuery().list()
                .forEach(d -> deployedAt.put(d.getId(), d.getDeploymentTime().toInstant()));
        List<ModelVersion> versions = new ArrayList<>();
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().list()) {
            versions.add(new ModelVersion("PROCESS", p.getKey(), p.getName(), p.getVersion(), p.getId(),
                    p.getDeploymentId(), deployedAt.get(p.getDeploymentId()), running.getOrDefault(p.getId(), 0L)));
        }
        repository.createDecisionDefinitionQuery().list().forEach(d -> versions.add(new ModelVersion("DECISION",
                d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(),
                deployedAt.get(d.getDeploymentId()), 0)));
        // the engine's public API has no query for Camunda Forms
        jdbc.sql("select id_, key_, version_, deployment_id_ from act_re_camformdef")
                .query((rs, i) -> versions.add(new ModelVersion("FORM", rs.getString(2), rs.getString(2), rs.getInt(3),
                        rs.getString(1), rs.getString(4), deployedAt.get(rs.getString(4)), 0)))
                .list();
        versions.sort(Comparator.comparing(ModelVersion::kind).thenComparing(ModelVersion::key)
                .thenComparing(Comparator.comparingInt(ModelVersion::version).reversed()));
        return versions;
    }

    /** Deploys the files as one deployment; the engine's guard refuses it if the rules find anything. */
    @Transactional
    public DeployedModels deploy(String name, Map<String, byte[]> resources) {
        DeploymentBuilder builder = repository.createDeployment().name(name).source("Trẻ An models");
        resources.forEach((file, bytes) -> builder.addInputStream(file, new java.io.ByteArrayInputStream(bytes)));
        return deployed(builder.deployWithResult());
    }

    /** Deploys the files of an earlier deployment again: rolling back is one more version. */
    @Transactional
    public DeployedModels redeploy(String deploymentId, String name) {
        return deployed(repository.createDeployment().name(name).source("Trẻ An models")
                .addDeploymentResources(deploymentId).deployWithResult());
    }

    private static DeployedModels deployed(org.camunda.bpm.engine.repository.DeploymentWithDefinitions d) {
        List<String> ids = new ArrayList<>();
        if (d.getDeployedProcessDefinitions() != null) {
            d.getDeployedProcessDefinitions().forEach(p -> ids.add(p.getId()));
        }
        if (d.getDeployedDecisionDefinitions() != null) {
            d.getDeployedDecisionDefinitions().forEach(p -> ids.add(p.getId()));
        }
        return new DeployedModels(d.getId(), d.getDeploymentTime().toInstant(), ids);
    }

    // --- migration ---------------------------------------------------------------------------------

    /** A running case and whether it can move: {@code reason} names the steps the target no longer has. */
    public record CaseMove(String processInstanceId, String caseNumber, boolean canMove, List<String> activeSteps,
                           String reason) {
    }

    /** @param planProblems why the engine refuses the plan as a whole; empty when it accepts it */
    public record MigrationPreview(String sourceDefinitionId, String targetDefinitionId, List<String> mappedSteps,
                                   List<String> planProblems, List<CaseMove> cases) {
    }

    /** The engine's migration plan for the steps both versions share (same ids), and which cases it can move. */
    @Transactional(readOnly = true)
    public MigrationPreview preview(String sourceDefinitionId, String targetDefinitionId, List<String> processInstanceIds) {
        List<String> problems = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        try {
            MigrationPlan plan = plan(sourceDefinitionId, targetDefinitionId);
            for (MigrationInstruction instruction : plan.getInstructions()) {
                mapped.add(instruction.getSourceActivityId());
            }
        } catch (MigrationPlanValidationException e) {
            e.getValidationReport().getInstructionReports()
                    .forEach(r -> r.getFailures().forEach(f -> problems.add(r.getMigrationInstruction().getSourceActivityId() + ": " + f)));
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        List<CaseMove> cases = new ArrayList<>();
        for (ProcessInstance instance : instances(sourceDefinitionId, processInstanceIds)) {
            List<String> active = runtime.getActiveActivityIds(instance.getId());
            List<String> missing = active.stream().filter(a -> !mapped.contains(a)).toList();
            boolean canMove = problems.isEmpty() && missing.isEmpty();
            cases.add(new CaseMove(instance.getId(), instance.getBusinessKey(), canMove, active,
                    missing.isEmpty() ? null : "steps not in the target version: " + String.join(", ", missing)));
        }
        return new MigrationPreview(sourceDefinitionId, targetDefinitionId, mapped.stream().sorted().toList(), problems,
                cases);
    }

    /** Moves the cases that can move as an engine batch; the others stay on their version. */
    @Transactional
    public MigrationStarted migrate(String sourceDefinitionId, String targetDefinitionId, List<String> processInstanceIds) {
        MigrationPreview preview = preview(sourceDefinitionId, targetDefinitionId, processInstanceIds);
        List<String> movable = preview.cases().stream().filter(CaseMove::canMove).map(CaseMove::processInstanceId).toList();
        String batchId = null;
        if (!movable.isEmpty()) {
            // a separation monitored under a version without the reminder: the target's reminder timer needs its date
            separationReminders.addMissing(movable);
            Batch batch = runtime.newMigration(plan(sourceDefinitionId, targetDefinitionId))
                    .processInstanceIds(movable).executeAsync();
            batchId = batch.getId();
        }
        return new MigrationStarted(batchId, preview);
    }

    public record MigrationStarted(String batchId, MigrationPreview preview) {
    }

    /** Where each case is now: its process definition, and whether the batch is still running. */
    @Transactional(readOnly = true)
    public MigrationResult result(String batchId, List<String> processInstanceIds) {
        boolean running = batchId != null && management.createBatchQuery().batchId(batchId).count() > 0;
        Map<String, String> definitions = new LinkedHashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(processInstanceIds)).list()) {
            definitions.put(instance.getId(), instance.getProcessDefinitionId());
        }
        return new MigrationResult(batchId, running, definitions);
    }

    public record MigrationResult(String batchId, boolean running, Map<String, String> definitionOfCase) {
    }

    private MigrationPlan plan(String source, String target) {
        return runtime.createMigrationPlan(source, target).mapEqualActivities().build();
    }

    private List<ProcessInstance> instances(String definitionId, List<String> ids) {
        var query = runtime.createProcessInstanceQuery().processDefinitionId(definitionId);
        if (ids != null && !ids.isEmpty()) {
            query = query.processInstanceIds(new HashSet<>(ids));
        }
        return query.list();
    }

    /**
     * Every file of the newest deployment that holds {@code resourceName}, by file name, or an empty map when
     * none does. A draft is deployed together with these, so that references bound to the deployment
     * (formRef, decisionRef with binding "deployment") still find their form or decision table.
     */
    @Transactional(readOnly = true)
    public Map<String, byte[]> currentResources(String resourceName) {
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            List<String> names = repository.getDeploymentResourceNames(deployment.getId());
            if (names.stream().map(ProcessModels::fileName).anyMatch(resourceName::equals)) {
                Map<String, byte[]> files = new LinkedHashMap<>();
                for (String name : names) {
                    try (var in = repository.getResourceAsStream(deployment.getId(), name)) {
                        files.put(fileName(name), in.readAllBytes());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return files;
            }
        }
        return Map.of();
    }

    /** Deployments from the classpath name their files with their folder (bpmn/x.bpmn); uploads name the file only. */
    private static String fileName(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    /** The file names of every deployed process, decision table and form: the models a process owner can open. */
    @Transactional(readOnly = true)
    public List<String> resourceNames() {
        Set<String> names = new java.util.TreeSet<>();
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            repository.getDeploymentResourceNames(deployment.getId()).stream().map(ProcessModels::fileName)
                    .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form")).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** Whether a process definition (one version of a process) with this id is deployed. */
    public boolean processDefinitionExists(String definitionId) {
        return definitionId != null && repository.createProcessDefinitionQuery().processDefinitionId(definitionId).count() > 0;
    }

    /** The deployment a definition came from. */
    public Deployment deploymentOf(String deploymentId) {
        return repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    }
}
