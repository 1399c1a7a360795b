package vn.trean.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.trean.CodeModels;
import vn.trean.ShippedModels;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.ModelFinding;

/** The rules that keep code out of models, on the XML alone (no engine, no Spring). */
class ModelRulesTests {

    /** Beans of the application that are not delegates, as the context would answer. */
    private static final Set<String> OTHER_BEANS = Set.of("jdbcClient", "dataSource", "runtimeService");

    private final ModelExpressions expressions = new ModelExpressions(CaseProcess.Delegate.ALL,
            name -> OTHER_BEANS.contains(name) || CaseProcess.Delegate.ALL.contains(name));
    private final CodeRules rules = new CodeRules(expressions, CaseProcess.Delegate.ALL);

    @Test
    void theShippedModelsRunNoCode() {
        ShippedModels.files().forEach((name, bytes) -> {
            if (name.endsWith(".bpmn")) {
                assertThat(rules.checkBpmn(name, bytes)).as(name).isEmpty();
            } else if (name.endsWith(".dmn")) {
                assertThat(rules.checkDmn(name, bytes)).as(name).isEmpty();
            }
        });
    }

    @Test
    void theIssuesAttackIsRefusedNamingTheStepAndTheBean() {
        List<ModelFinding> findings = bpmn(CodeModels.expressionTask(CodeModels.JDBC_LEAK));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.elementId()).isEqualTo(CodeModels.STEP);
            assertThat(f.code()).isEqualTo("expression-not-allowed");
            assertThat(f.args().get(0)).isEqualTo("Lưu trữ (task_leak)");
            assertThat(f.args().get(2)).startsWith("jdbcClient");
        });
    }

    @Test
    void everyWayOfRunningCodeIsRefusedNamingTheStep() {
        assertThat(codes(CodeModels.scriptTask())).containsExactly("script");
        assertThat(codes(CodeModels.scriptListener())).containsExactly("script");
        assertThat(codes(CodeModels.scriptInputParameter())).containsExactly("script");
        assertThat(codes(CodeModels.javaClass())).containsExactly("java-class");
        assertThat(codes(CodeModels.otherBean("jdbcClient"))).containsExactly("delegate-not-allowed");
        assertThat(codes(CodeModels.otherBean("closeCase.execute(execution)"))).containsExactly("delegate-not-allowed");
        assertThat(codes(CodeModels.serviceTask("activiti:class=\"x.Y\" xmlns:activiti=\"http://activiti.org/bpmn\"", "")))
                .containsExactly("java-class");
        assertThat(codes(CodeModels.serviceTask("camunda:type=\"external\" camunda:topic=\"x\"", "")))
                .containsExactly("external-task");
        assertThat(codes(CodeModels.serviceTask("", "<camunda:connector><camunda:connectorId>http-connector"
                + "</camunda:connectorId></camunda:connector>"))).containsExactly("connector");
        assertThat(codes(CodeModels.serviceTask("camunda:delegateExpression=\"${closeCase}\"",
                "<camunda:taskListener class=\"x.Y\" event=\"create\" />"))).containsExactly("java-class");
        assertThat(codes(CodeModels.process("<bpmn:userTask id=\"task_leak\" camunda:formKey=\"embedded:deployment:x.html\" />")))
                .containsExactly("form-key");
        assertThat(codes(CodeModels.serviceTask("camunda:delegateExpression=\"${closeCase}\"",
                "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"js\" "
                        + "resource=\"classpath://x.js\" /></camunda:executionListener>")))
                .containsExactlyInAnyOrder("script", "external-resource");
    }

    @Test
    void anExpressionMayReadVariablesAndTheExecutionsOwnValuesOnly() {
        assertThat(codes(CodeModels.expressionTask("${execution.setVariable('late', windowEndsAt != null and !emergency)}"))).isEmpty();
        assertThat(codes(CodeModels.expressionTask("${execution.getVariable('caseId')} ${execution.processInstanceId}"))).isEmpty();
        assertThat(codes(CodeModels.expressionTask("${'a'.getClass().forName('java.lang.Runtime')}")))
                .containsExactly("expression-not-allowed");
        assertThat(codes(CodeModels.expressionTask("${execution.processEngine.processEngineConfiguration.dataSource}")))
                .containsExactly("expression-not-allowed");
        assertThat(codes(CodeModels.expressionTask("${execution.getProcessEngineServices()}")))
                .containsExactly("expression-not-allowed");
        assertThat(codes(CodeModels.expressionTask("${runtimeService}"))).containsExactly("expression-not-allowed");
        assertThat(codes(CodeModels.expressionTask("${S(caseId).prop('x')}"))).containsExactly("expression-not-allowed");
        assertThat(codes(CodeModels.expressionTask("${x[jdbcClient]}"))).containsExactly("expression-not-allowed");
        assertThat(codes(CodeModels.expressionTask("${x.y(}"))).containsExactly("expression-invalid");
    }

    @Test
    void conditionsTimersAndParametersAreExpressionsToo() {
        String condition = """
                <bpmn:serviceTask id="task_leak" camunda:delegateExpression="${closeCase}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="x">${dataSource.connection}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="flow_script" sourceRef="task_leak" targetRef="end">
                  <bpmn:conditionExpression language="javascript">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""";
        List<ModelFinding> findings = bpmn(CodeModels.process(condition));
        assertThat(findings).extracting(ModelFinding::elementId, ModelFinding::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("task_leak", "expression-not-allowed"),
                org.assertj.core.groups.Tuple.tuple("flow_script", "script-language"));
    }

    @Test
    void documentationMayShowAnExpression() {
        assertThat(codes(CodeModels.serviceTask("camunda:delegateExpression=\"${closeCase}\"", "")
                )).isEmpty();
        byte[] documented = CodeModels.process("<bpmn:serviceTask id=\"task_leak\" camunda:delegateExpression=\"${closeCase}\">"
                + "<bpmn:documentation>Không dùng ${jdbcClient}</bpmn:documentation></bpmn:serviceTask>");
        assertThat(codes(documented)).isEmpty();
    }

    @Test
    void aDecisionRunsFeelOrJuelWithinTheSameLimits() {
        assertThat(rules.checkDmn("leak.dmn", CodeModels.scriptDecision()))
                .extracting(ModelFinding::elementId, ModelFinding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("input_expression_leak", "script-language"));
        byte[] juel = new String(CodeModels.scriptDecision(), StandardCharsets.UTF_8)
                .replace("expressionLanguage=\"javascript\"", "expressionLanguage=\"juel\"")
                .replace("java.lang.System.getenv().toString()", "jdbcClient")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(rules.checkDmn("leak.dmn", juel)).extracting(ModelFinding::code).containsExactly("expression-not-allowed");
        byte[] feel = new String(CodeModels.scriptDecision(), StandardCharsets.UTF_8)
                .replace(" expressionLanguage=\"javascript\"", "")
                .replace("java.lang.System.getenv().toString()", "seriousHarm")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(rules.checkDmn("leak.dmn", feel)).isEmpty();
    }

    @Test
    void aFileThatIsNoXmlIsRefusedWhole() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bpmn(CodeModels.expressionTask("${a && b}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDoctypeIsRefusedForItCanPullInOutsideFiles() {
        String xxe = new String(CodeModels.allowedDelegate(), StandardCharsets.UTF_8).replace("<bpmn:definitions",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<bpmn:definitions");
        assertThat(codes(xxe.getBytes(StandardCharsets.UTF_8))).containsExactly("external-resource");
    }

    private List<ModelFinding> bpmn(byte[] model) {
        return rules.checkBpmn("leak_test.bpmn", model);
    }

    private List<String> codes(byte[] model) {
        List<ModelFinding> findings = bpmn(model);
        findings.forEach(f -> assertThat(f.elementId()).as("finding %s names the step", f)
                .isIn(CodeModels.STEP, "flow_script", null));
        return findings.stream().map(ModelFinding::code).toList();
    }
}
