package vn.trean.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;
import vn.trean.ShippedModels;

/**
 * Process owners deploy, roll back and migrate. Every deployment made here becomes the latest version
 * that other test classes start cases on, so each test leaves the shipped models as the latest.
 */
class ModelDeploymentIntegrationTests extends ApiIntegrationTest {

    private static final String PROCESS = ShippedModels.PROCESS;

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void shippedModelsStayLatest() throws Exception {
        if (!ShippedModels.latestIsShipped(repository)) {
            deploy("owner", ShippedModels.files(), "Khôi phục mô hình gốc sau kiểm thử").expect201();
        }
    }

    @Test
    void shippedModelsKeepEveryRule() throws Exception {
        JsonNode findings = json.readTree(multipart("owner", "/api/models/validate", ShippedModels.files(), null).body());
        assertThat(findings).isEmpty();
    }

    @Test
    void modelWithUnknownGroupOrMissingFormIsRefusedWithItsFindingsAndThePreviousVersionStays() throws Exception {
        int before = latestCaseProcessVersion();
        var broken = change(PROCESS, bpmn -> bpmn
                .replace("camunda:candidateGroups=\"province-supervisor\"", "camunda:candidateGroups=\"ministry-of-magic\"")
                .replace("camunda:formRef=\"review_case\"", "camunda:formRef=\"review_case_v2\""));

        Reply reply = deploy("owner", broken, "Thử mô hình sai");

        assertThat(reply.status()).isEqualTo(422);
        JsonNode findings = reply.json().get("findings");
        assertThat(findings).extracting(f -> f.get("elementId").asText())
                .containsExactlyInAnyOrder("task_assign_receiving_agency", "task_escalate_breach", "task_review_case");
        assertThat(findings.toString()).contains("ministry-of-magic").contains("review_case_v2");
        assertThat(latestCaseProcessVersion()).isEqualTo(before);
    }

    @Test
    void removingTheTwelveHourTimerIsRefused() throws Exception {
        var broken = change(PROCESS, bpmn -> bpmn.replace(
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${windowEndsAt}</bpmn:timeDate>",
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${windowReminderAt}</bpmn:timeDate>"));
        Reply reply = deploy("owner", broken, "Bỏ hạn 12 giờ");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("findings")).extracting(f -> f.get("elementId").asText())
                .contains("task_verify_report", "task_emergency_intervention", "task_decide_separation");
    }

    @Test
    void xmlThatDoesNotParseIsRefused() throws Exception {
        var broken = change(PROCESS, bpmn -> bpmn.substring(0, bpmn.length() / 2));
        Reply reply = deploy("owner", broken, "Tệp hỏng");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("findings").get(0).get("resource").asText()).isEqualTo(PROCESS);
    }

    @Test
    void theSameRulesGuardTheEngineRestApiAsCamundaModelerUsesIt() throws Exception {
        int before = latestCaseProcessVersion();
        var broken = change(PROCESS, bpmn -> bpmn.replace("camunda:candidateGroups=\"commune-officer\" camunda:dueDate=\"${windowEndsAt}\"",
                "camunda:candidateGroups=\"nobody\" camunda:dueDate=\"${windowEndsAt}\""));
        HttpResponse<String> refused = multipart("owner", "/engine-rest/deployment/create", broken, "deployment-name");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("task_verify_report").contains("nobody");
        assertThat(latestCaseProcessVersion()).isEqualTo(before);

        HttpResponse<String> accepted = multipart("owner", "/engine-rest/deployment/create", ShippedModels.files(), "deployment-name");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(multipart("officer", "/engine-rest/deployment/create", ShippedModels.files(), "deployment-name").statusCode())
                .isEqualTo(403);
    }

    @Test
    void newVersionServesNewCasesWhileOlderCasesStayAndRollingBackIsOneDeployment() throws Exception {
        UUID older = fileReport(COMMUNE_A, Instant.now());
        String olderDefinition = definitionOf(older);

        var renamed = change(PROCESS, bpmn -> bpmn
                .replace("name=\"Xác minh, đánh giá nguy cơ ban đầu\"", "name=\"Xác minh thông tin ban đầu\"")
                .replace("camunda:formRef=\"escalate_breach\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"province-supervisor\" camunda:dueDate=\"P1WD\"",
                        "camunda:formRef=\"escalate_breach\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"province-supervisor\" camunda:dueDate=\"P2WD\""));
        assertThat(deploy("owner", renamed, null).status()).as("a change note is required").isEqualTo(400);
        JsonNode deployed = deploy("owner", renamed, "Đổi tên bước xác minh; hạn xử lý vi phạm 2 ngày làm việc").expect201();

        UUID newer = fileReport(COMMUNE_A, Instant.now());
        assertThat(definitionOf(newer)).isNotEqualTo(olderDefinition);
        assertThat(taskOf("officer", newer, "verify_report").get("name").asText()).isEqualTo("Xác minh thông tin ban đầu");
        assertThat(definitionOf(older)).isEqualTo(olderDefinition);
        assertThat(taskOf("officer", older, "verify_report").get("name").asText()).isEqualTo("Xác minh, đánh giá nguy cơ ban đầu");

        JsonNode versions = as("owner").get("/api/models").expect(200).body();
        JsonNode mine = null;
        for (JsonNode v : versions) {
            if (v.get("model").get("deploymentId").asText().equals(deployed.get("deploymentId").asText())
                    && v.get("model").get("kind").asText().equals("PROCESS")) {
                mine = v;
            }
        }
        assertThat(mine.get("note").asText()).startsWith("Đổi tên bước xác minh");
        assertThat(mine.get("deployedBy").asText()).isEqualTo("owner");
        assertThat(mine.get("model").get("runningCases").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'MODELS_DEPLOYED' and detail ->> 'deploymentId' = ?",
                deployed.get("deploymentId").asText())).isOne();
        as("officer").get("/api/models").expect(403);

        // roll back: the shipped deployment again, one call
        String shippedDeployment = repository.getProcessDefinition(olderDefinition).getDeploymentId();
        as("owner").post("/api/models/deployments/" + shippedDeployment + "/redeploy", Map.of("note", "Quay lại phiên bản trước"))
                .expect(200);
        UUID afterRollback = fileReport(COMMUNE_A, Instant.now());
        assertThat(taskOf("officer", afterRollback, "verify_report").get("name").asText())
                .isEqualTo("Xác minh, đánh giá nguy cơ ban đầu");
    }

    @Test
    void migrationMovesTheCasesThatCanMoveAndListsTheRest() throws Exception {
        UUID waiting = fileReport(COMMUNE_A, Instant.now());
        UUID assessing = fileReport(COMMUNE_A, Instant.now());
        complete("officer", assessing, "verify_report", verification(false));
        String source = definitionOf(waiting);

        // the target version renames the needs-assessment step: a case waiting there cannot move
        var target = change(PROCESS, bpmn -> bpmn.replace("task_assess_needs", "task_assess_needs_v2"));
        String targetDefinition = deploy("owner", target, "Tách bước đánh giá nhu cầu").expect201()
                .get("definitionIds").get(0).asText();
        List<String> instances = List.of(instanceOf(waiting), instanceOf(assessing));

        JsonNode preview = as("owner").post("/api/models/migrations/preview", Map.of("sourceDefinitionId", source,
                "targetDefinitionId", targetDefinition, "processInstanceIds", instances)).expect(200).body();
        assertThat(preview.get("planProblems")).isEmpty();
        assertThat(moveOf(preview, instanceOf(waiting)).get("canMove").asBoolean()).isTrue();
        JsonNode blocked = moveOf(preview, instanceOf(assessing));
        assertThat(blocked.get("canMove").asBoolean()).isFalse();
        assertThat(blocked.get("reason").asText()).contains("task_assess_needs");

        JsonNode started = as("owner").post("/api/models/migrations", Map.of("sourceDefinitionId", source,
                "targetDefinitionId", targetDefinition, "processInstanceIds", instances)).expect(200).body();
        runBatchJobs();
        JsonNode result = as("owner").post("/api/models/migrations/result", Map.of("batchId",
                started.get("batchId").asText(), "processInstanceIds", instances)).expect(200).body();
        assertThat(result.get("running").asBoolean()).isFalse();
        assertThat(result.get("definitionOfCase").get(instanceOf(waiting)).asText()).isEqualTo(targetDefinition);
        assertThat(result.get("definitionOfCase").get(instanceOf(assessing)).asText()).isEqualTo(source);
        complete("officer", waiting, "verify_report", verification(false));
        assertThat(runtime.getActiveActivityIds(instanceOf(waiting))).contains("task_assess_needs_v2");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode json) {
        JsonNode expect201() {
            assertThat(status).as("status; body %s", json).isEqualTo(201);
            return json;
        }
    }

    private Reply deploy(String user, Map<String, byte[]> files, String note) throws Exception {
        Map<String, String> fields = note == null ? Map.of() : Map.of("note", note);
        HttpResponse<String> response = multipart(user, "/api/models/deployments", fields, "files", files);
        return new Reply(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    /** The models API takes the files in "files"; the engine REST API names each part after its file. */
    private HttpResponse<String> multipart(String user, String path, Map<String, byte[]> files, String nameField) {
        boolean engine = path.startsWith("/engine-rest");
        Map<String, String> fields = engine ? Map.of(nameField, "Camunda Modeler " + UUID.randomUUID()) : Map.of();
        return multipart(user, path, fields, engine ? null : "files", files);
    }

    private static Map<String, byte[]> change(String file, UnaryOperator<String> edit) {
        Map<String, byte[]> files = ShippedModels.files();
        String original = new String(files.get(file), StandardCharsets.UTF_8);
        String edited = edit.apply(original);
        assertThat(edited).as("the edit changed %s", file).isNotEqualTo(original);
        files.put(file, edited.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static JsonNode moveOf(JsonNode preview, String instanceId) {
        for (JsonNode c : preview.get("cases")) {
            if (c.get("processInstanceId").asText().equals(instanceId)) {
                return c;
            }
        }
        throw new AssertionError("no case " + instanceId + " in " + preview);
    }
}
