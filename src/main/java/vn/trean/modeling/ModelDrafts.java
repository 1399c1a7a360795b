package vn.trean.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.workflow.ModelDiff;
import vn.trean.workflow.ModelFinding;
import vn.trean.workflow.ProcessModels;

/**
 * Models a process owner is still editing in the browser. A draft is saved without being deployed, can
 * be compared with the deployed version and checked against the rules, and is deployed with a note
 * together with the other files of its deployment.
 */
@Service
public class ModelDrafts {

    /**
     * The form-js schema the engine's Tasklist (Camunda 7.24) and the task page (form-js 1.10) render;
     * a form written by a newer editor would save fine and then fail to open on a caseworker's task.
     */
    public static final int FORM_SCHEMA_VERSION = 16;

    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_.-]+\\.(bpmn|dmn|form)");

    private final ModelCatalog catalog;
    private final ProcessModels models;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ModelDrafts(ModelCatalog catalog, ProcessModels models, UserDirectory users, JdbcClient jdbc, ObjectMapper json) {
        this.catalog = catalog;
        this.models = models;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param draft whether {@code content} is a saved draft (true) or the deployed file (false) */
    public record Draft(String resource, String content, boolean draft, String savedBy, Instant savedAt) {
    }

    /** The draft of a model if there is one, otherwise the file as last deployed. */
    @Transactional(readOnly = true)
    public Draft load(String resource) {
        catalog.requireProcessOwner();
        checkName(resource);
        return jdbc.sql("select content, saved_by, saved_at from model_draft where resource_name = ?").param(resource)
                .query((rs, i) -> new Draft(resource, rs.getString(1), true, rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .optional().orElseGet(() -> new Draft(resource, new String(deployed(resource), StandardCharsets.UTF_8),
                        false, null, null));
    }

    @Transactional(readOnly = true)
    public List<Draft> list() {
        catalog.requireProcessOwner();
        return jdbc.sql("select resource_name, saved_by, saved_at from model_draft order by resource_name")
                .query((rs, i) -> new Draft(rs.getString(1), null, true, rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    @Transactional
    public Draft save(String resource, String content) {
        CurrentUser user = catalog.requireProcessOwner();
        checkName(resource);
        deployed(resource);
        if (content == null || content.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "draft-empty");
        }
        if (resource.endsWith(".form")) {
            checkFormSchema(content);
        }
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into model_draft (resource_name, content, saved_by, saved_at) values (:r, :c, :by, :at)
                        on conflict (resource_name) do update set content = :c, saved_by = :by, saved_at = :at""")
                .param("r", resource).param("c", content).param("by", user.username())
                .param("at", Timestamp.from(now)).update();
        return new Draft(resource, content, true, user.username(), now);
    }

    /** What the draft changes against the deployed version (BPMN only; other kinds have no element diff). */
    @Transactional(readOnly = true)
    public List<ModelDiff.Change> changes(String resource) {
        Draft draft = load(resource);
        if (!resource.endsWith(".bpmn") || !draft.draft()) {
            return List.of();
        }
        return catalog.changes(resource, draft.content().getBytes(StandardCharsets.UTF_8));
    }

    /** The rules' findings for the drafts, checked with the rest of their deployment. */
    @Transactional(readOnly = true)
    public List<ModelFinding> validate(List<String> resources) {
        return catalog.validate(withDeployment(resources));
    }

    /** Deploys the drafts with the other files of their deployment, then drops them: they are the latest version now. */
    @Transactional
    public ProcessModels.DeployedModels deploy(List<String> resources, String note) {
        var deployed = catalog.deploy(withDeployment(resources), note);
        for (String resource : resources) {
            jdbc.sql("delete from model_draft where resource_name = ?").param(resource).update();
        }
        return deployed;
    }

    private Map<String, byte[]> withDeployment(List<String> resources) {
        catalog.requireProcessOwner();
        if (resources == null || resources.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "draft-empty");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String resource : resources) {
            files.putAll(models.currentResources(checkName(resource)));
        }
        for (String resource : resources) {
            files.put(resource, load(resource).content().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private byte[] deployed(String resource) {
        byte[] file = models.currentResources(resource).get(resource);
        if (file == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "model-not-found", resource);
        }
        return file;
    }

    private void checkFormSchema(String content) {
        JsonNode schema;
        try {
            schema = json.readTree(content);
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "form-schema-version", FORM_SCHEMA_VERSION);
        }
        JsonNode version = schema.get("schemaVersion");
        if (version == null || !version.isInt() || version.asInt() > FORM_SCHEMA_VERSION) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "form-schema-version", FORM_SCHEMA_VERSION);
        }
    }

    private static String checkName(String resource) {
        if (resource == null || !RESOURCE.matcher(resource).matches()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "model-not-found", String.valueOf(resource));
        }
        return resource;
    }
}
