package vn.trean.modeling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.trean.modeling.ModelCatalog;
import vn.trean.modeling.ModelDrafts;
import vn.trean.workflow.ModelDiff;
import vn.trean.workflow.ModelFinding;
import vn.trean.workflow.ProcessModels;

@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "Quy trình, bảng quyết định, biểu mẫu / processes, decisions, forms (process owners)")
class ModelController {

    private final ModelCatalog catalog;
    private final ModelDrafts drafts;

    ModelController(ModelCatalog catalog, ModelDrafts drafts) {
        this.catalog = catalog;
        this.drafts = drafts;
    }

    @GetMapping
    @Operation(summary = "Every version of every process, decision table and form, with its note and running cases")
    List<ModelCatalog.Version> versions() {
        return catalog.versions();
    }

    @PostMapping(path = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Check models against the rules without deploying them")
    List<ModelFinding> validate(@RequestParam("files") List<MultipartFile> files) throws IOException {
        return catalog.validate(read(files));
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Deploy models with a change note",
            description = "Refused with 422 and the findings when a rule is broken; running cases stay on their version.")
    ResponseEntity<ProcessModels.DeployedModels> deploy(@RequestParam("files") List<MultipartFile> files,
                                                        @RequestParam(value = "note", required = false) String note)
            throws IOException {
        var deployed = catalog.deploy(read(files), note);
        return ResponseEntity.created(URI.create("/api/models/deployments/" + deployed.deploymentId())).body(deployed);
    }

    @PostMapping("/deployments/{deploymentId}/redeploy")
    @Operation(summary = "Roll back: deploy the files of an earlier deployment again, as a new version")
    ProcessModels.DeployedModels redeploy(@PathVariable String deploymentId, @RequestBody NoteRequest request) {
        return catalog.redeploy(deploymentId, request.note());
    }

    @PostMapping("/migrations/preview")
    @Operation(summary = "Preview a migration: which running cases can move to the target version, which cannot and why")
    ProcessModels.MigrationPreview preview(@RequestBody MigrationRequest request) {
        return catalog.previewMigration(request.sourceDefinitionId(), request.targetDefinitionId(),
                request.processInstanceIds());
    }

    @PostMapping("/migrations")
    @Operation(summary = "Migrate the cases that can move, as an engine batch")
    ProcessModels.MigrationStarted migrate(@RequestBody MigrationRequest request) {
        return catalog.migrate(request.sourceDefinitionId(), request.targetDefinitionId(), request.processInstanceIds());
    }

    @PostMapping("/migrations/result")
    @Operation(summary = "Where each case is now, and whether the batch still runs")
    ProcessModels.MigrationResult result(@RequestBody ResultRequest request) {
        return catalog.migrationResult(request.batchId(), request.processInstanceIds());
    }

    @GetMapping("/drafts")
    @Operation(summary = "The drafts saved and not yet deployed")
    List<ModelDrafts.Draft> drafts() {
        return drafts.list();
    }

    @GetMapping("/drafts/{resource}")
    @Operation(summary = "A model's draft, or the file as last deployed when there is no draft")
    ModelDrafts.Draft draft(@PathVariable String resource) {
        return drafts.load(resource);
    }

    @PutMapping("/drafts/{resource}")
    @Operation(summary = "Save a draft without deploying it",
            description = "Forms must be form-js schemaVersion 16 or older, which the engine's Tasklist renders.")
    ModelDrafts.Draft saveDraft(@PathVariable String resource, @RequestBody DraftRequest request) {
        return drafts.save(resource, request.content());
    }

    @GetMapping("/drafts/{resource}/changes")
    @Operation(summary = "What the draft changes against the deployed version")
    List<ModelDiff.Change> changes(@PathVariable String resource) {
        return drafts.changes(resource);
    }

    @PostMapping("/drafts/validate")
    @Operation(summary = "Check drafts, with the rest of their deployment, against the rules")
    List<ModelFinding> validateDrafts(@RequestBody DraftDeployRequest request) {
        return drafts.validate(request.resources());
    }

    @PostMapping("/drafts/deployments")
    @Operation(summary = "Deploy drafts with a change note, together with the other files of their deployment")
    ResponseEntity<ProcessModels.DeployedModels> deployDrafts(@RequestBody DraftDeployRequest request) {
        var deployed = drafts.deploy(request.resources(), request.note());
        return ResponseEntity.created(URI.create("/api/models/deployments/" + deployed.deploymentId())).body(deployed);
    }

    record DraftRequest(String content) {
    }

    record DraftDeployRequest(List<String> resources, String note) {
    }

    record NoteRequest(String note) {
    }

    record MigrationRequest(String sourceDefinitionId, String targetDefinitionId, List<String> processInstanceIds) {
    }

    record ResultRequest(String batchId, List<String> processInstanceIds) {
    }

    private static Map<String, byte[]> read(List<MultipartFile> files) throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
            resources.put(name.replaceAll(".*[/\\\\]", ""), file.getBytes());
        }
        return resources;
    }
}
