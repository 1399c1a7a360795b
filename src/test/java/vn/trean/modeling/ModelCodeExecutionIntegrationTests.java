package vn.trean.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;
import vn.trean.CodeModels;
import vn.trean.ShippedModels;
import vn.trean.workflow.CaseProcess;

/**
 * A process owner may deploy models but must not run code through them (issue 7, item 2): the attack of
 * the issue and every other way of running code is refused on each deployment path, naming the element,
 * and even an expression that got past the rules reaches no bean but the project's delegates.
 */
class ModelCodeExecutionIntegrationTests extends ApiIntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    HistoryService history;

    @Test
    void theIssuesAttackIsRefusedThroughTheModelsApiNamingTheStepAndTheBean() throws Exception {
        HttpResponse<String> refused = deployThroughModelsApi(Map.of("leak_test.bpmn",
                CodeModels.expressionTask(CodeModels.JDBC_LEAK)));

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode finding = json.readTree(refused.body()).get("findings").get(0);
        assertThat(finding.get("elementId").asText()).isEqualTo(CodeModels.STEP);
        assertThat(finding.toString()).contains("jdbcClient");
        assertNeverDeployed(CodeModels.PROCESS_KEY);
    }

    @Test
    void theIssuesAttackIsRefusedThroughTheEngineRestApiAndCannotBeStarted() {
        HttpResponse<String> refused = deployThroughEngineRest(Map.of("leak_test.bpmn",
                CodeModels.expressionTask(CodeModels.JDBC_LEAK)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(CodeModels.STEP).contains("jdbcClient");
        assertNeverDeployed(CodeModels.PROCESS_KEY);
        assertThat(as("owner").post("/engine-rest/process-definition/key/" + CodeModels.PROCESS_KEY + "/start",
                Map.of()).status()).isIn(400, 404);
    }

    @Test
    void theAttackInsideTheCaseProcessIsRefusedWhenItsDraftIsDeployedFromThePage() throws Exception {
        String attack = new String(ShippedModels.files().get(ShippedModels.PROCESS), StandardCharsets.UTF_8)
                .replace("camunda:delegateExpression=\"${closeCase}\"", "camunda:expression=\"" + CodeModels.JDBC_LEAK + "\"");
        int before = latestCaseProcessVersion();
        try {
            assertThat(put("/api/models/drafts/" + ShippedModels.PROCESS, Map.of("content", attack)).statusCode())
                    .isEqualTo(200);
            Response refused = as("owner").post("/api/models/drafts/deployments",
                    Map.of("resources", java.util.List.of(ShippedModels.PROCESS), "note", "Lưu trữ nhanh hơn"));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().get("findings")).extracting(f -> f.get("elementId").asText())
                    .containsExactly(CaseProcess.Element.ARCHIVE_CASE);
            assertThat(latestCaseProcessVersion()).isEqualTo(before);
        } finally {
            jdbc.sql("delete from model_draft where resource_name = ?").param(ShippedModels.PROCESS).update();
        }
    }

    static Stream<Arguments> waysToRunCode() {
        return Stream.of(
                Arguments.of("a script task", "leak_test.bpmn", CodeModels.scriptTask(), CodeModels.STEP, "script"),
                Arguments.of("a script listener", "leak_test.bpmn", CodeModels.scriptListener(), CodeModels.STEP, "script"),
                Arguments.of("a script input parameter", "leak_test.bpmn", CodeModels.scriptInputParameter(), CodeModels.STEP,
                        "inputParameter"),
                Arguments.of("a Java class", "leak_test.bpmn", CodeModels.javaClass(), CodeModels.STEP, "JdbcTemplate"),
                Arguments.of("a delegate expression naming another bean", "leak_test.bpmn", CodeModels.otherBean("dataSource"),
                        CodeModels.STEP, "dataSource"),
                Arguments.of("a decision in JavaScript", "leak_decision.dmn", CodeModels.scriptDecision(),
                        "input_expression_leak", "javascript"));
    }

    @ParameterizedTest(name = "{0} is refused through both APIs, naming its element")
    @MethodSource("waysToRunCode")
    void everyWayOfRunningCodeIsRefusedNamingItsElement(String what, String file, byte[] model, String element,
                                                       String detail) throws Exception {
        HttpResponse<String> models = deployThroughModelsApi(Map.of(file, model));
        assertThat(models.statusCode()).as("%s through /api/models: %s", what, models.body()).isEqualTo(422);
        JsonNode findings = json.readTree(models.body()).get("findings");
        assertThat(findings).extracting(f -> f.get("elementId").asText()).containsOnly(element);
        assertThat(findings.toString()).contains(detail);

        HttpResponse<String> engineRest = deployThroughEngineRest(Map.of(file, model));
        assertThat(engineRest.statusCode()).as("%s through /engine-rest", what).isEqualTo(400);
        assertThat(engineRest.body()).contains(element).contains(detail);
        assertNeverDeployed(CodeModels.PROCESS_KEY);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("leak_decision").count()).isZero();
    }

    @Test
    void theShippedModelsStillPassAndDeploy() throws Exception {
        HttpResponse<String> findings = multipart("owner", "/api/models/validate", Map.of(), "files", ShippedModels.files());
        assertThat(json.readTree(findings.body())).isEmpty();
        HttpResponse<String> deployed = deployThroughEngineRest(ShippedModels.files());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        assertThat(ShippedModels.latestIsShipped(repositoryService)).isTrue();
    }

    @Test
    void aModelKeepingTheRulesStillReadsAndWritesItsVariables() throws Exception {
        String key = "harmless_test";
        byte[] harmless = new String(CodeModels.expressionTask(
                "${execution.setVariable('late', execution.getVariable('receivedAt') == null and not empty caseId)}"),
                StandardCharsets.UTF_8).replace(CodeModels.PROCESS_KEY, key).getBytes(StandardCharsets.UTF_8);
        assertThat(deployThroughEngineRest(Map.of(key + ".bpmn", harmless)).statusCode()).isEqualTo(200);

        Response started = as("owner").postRaw("/engine-rest/process-definition/key/" + key + "/start",
                "{\"variables\": {\"caseId\": {\"value\": \"" + UUID.randomUUID() + "\", \"type\": \"String\"}}}").expect(200);

        var late = history.createHistoricVariableInstanceQuery().processInstanceId(started.body().get("id").asText())
                .variableName("late").singleResult();
        assertThat(late.getValue()).isEqualTo(true);
    }

    @Test
    void anExpressionThatGotPastTheRulesStillReachesNoBeanButTheDelegates() {
        for (String bean : new String[] {"jdbcClient", "dataSource", "applicationContext", "modelRules",
                "processEngineConfiguration", "runtimeService"}) {
            assertThatThrownBy(() -> evaluate("${" + bean + "}")).as(bean)
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining(bean);
        }
        assertThat(evaluate("${" + CaseProcess.Delegate.CLOSE_CASE + "}")).isInstanceOf(JavaDelegate.class);
        assertThat(engine.getBeans().keySet()).containsExactlyInAnyOrderElementsOf(CaseProcess.Delegate.ALL);
        assertThat(engine.getResolverFactories()).noneMatch(f -> f.getClass().getName().contains("SpringBeans"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private Object evaluate(String expression) {
        var parsed = engine.getExpressionManager().createExpression(expression);
        return engine.getCommandExecutorTxRequired()
                .execute(context -> parsed.getValue(StartProcessVariableScope.getSharedInstance()));
    }

    private void assertNeverDeployed(String key) {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    private HttpResponse<String> deployThroughModelsApi(Map<String, byte[]> files) {
        return multipart("owner", "/api/models/deployments", Map.of("note", "Thử mô hình"), "files",
                new LinkedHashMap<>(files));
    }

    private HttpResponse<String> deployThroughEngineRest(Map<String, byte[]> files) {
        return multipart("owner", "/engine-rest/deployment/create",
                Map.of("deployment-name", "Camunda Modeler " + UUID.randomUUID()), null, new LinkedHashMap<>(files));
    }

    private HttpResponse<String> put(String path, Object body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("owner:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
