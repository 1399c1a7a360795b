package vn.trean;

import java.nio.charset.StandardCharsets;

/**
 * Small models that try to run code of their own, as a process owner could write them in Camunda Modeler:
 * one process {@code leak_test} whose step {@code task_leak} (or a listener, a parameter, a condition on
 * it) holds the attempt. Everything else in the model keeps the rules, so the attempt is the only finding.
 */
public final class CodeModels {

    public static final String PROCESS_KEY = "leak_test";
    public static final String STEP = "task_leak";

    /** The attack of issue 7: a service task whose expression reads every child's name through a bean. */
    public static final String JDBC_LEAK = "${execution.setVariable('leak', jdbcClient.sql('select full_name from "
            + "trean.child').query(String.class).list().toString())}";

    private CodeModels() {
    }

    /** A process start → {@code step} → end; {@code step} must have the id {@link #STEP}. */
    public static byte[] process(String step) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_leak_test"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="leak_test" name="Thử" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="flow_in" sourceRef="start" targetRef="task_leak" />
                    %s
                    <bpmn:sequenceFlow id="flow_out" sourceRef="task_leak" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(step)).getBytes(StandardCharsets.UTF_8);
    }

    /** A service task with the given attributes and extension elements. */
    public static byte[] serviceTask(String attributes, String extensions) {
        return process("<bpmn:serviceTask id=\"task_leak\" name=\"Lưu trữ\" " + attributes + ">"
                + (extensions.isEmpty() ? "" : "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>")
                + "</bpmn:serviceTask>");
    }

    public static byte[] expressionTask(String expression) {
        return serviceTask("camunda:expression=\"" + expression.replace("\"", "&quot;") + "\"", "");
    }

    /** A harmless step: a service task calling one of the project's delegates. */
    public static byte[] allowedDelegate() {
        return serviceTask("camunda:delegateExpression=\"${closeCase}\"", "");
    }

    public static byte[] scriptTask() {
        return process("""
                <bpmn:scriptTask id="task_leak" name="Lưu trữ" scriptFormat="javascript">
                  <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
                </bpmn:scriptTask>""");
    }

    public static byte[] scriptListener() {
        return serviceTask("camunda:delegateExpression=\"${closeCase}\"", """
                <camunda:executionListener event="start">
                  <camunda:script scriptFormat="groovy">execution.setVariable('x', 1)</camunda:script>
                </camunda:executionListener>""");
    }

    public static byte[] scriptInputParameter() {
        return serviceTask("camunda:delegateExpression=\"${closeCase}\"", """
                <camunda:inputOutput>
                  <camunda:inputParameter name="names">
                    <camunda:script scriptFormat="javascript">'x'</camunda:script>
                  </camunda:inputParameter>
                </camunda:inputOutput>""");
    }

    public static byte[] javaClass() {
        return serviceTask("camunda:class=\"org.springframework.jdbc.core.JdbcTemplate\"", "");
    }

    public static byte[] otherBean(String bean) {
        return serviceTask("camunda:delegateExpression=\"${" + bean + "}\"", "");
    }

    /** A decision table whose input is a JavaScript expression, and the process that calls it. */
    public static byte[] scriptDecision() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="definitions_leak_decision"
                    name="Thử" namespace="https://trean.vn/dmn">
                  <decision id="leak_decision" name="Thử" camunda:historyTimeToLive="1">
                    <decisionTable id="table_leak">
                      <input id="input_leak" label="x">
                        <inputExpression id="input_expression_leak" typeRef="string" expressionLanguage="javascript">
                          <text>java.lang.System.getenv().toString()</text>
                        </inputExpression>
                      </input>
                      <output id="output_leak" name="leak" typeRef="string" />
                      <rule id="rule_leak">
                        <inputEntry id="entry_leak"><text>-</text></inputEntry>
                        <outputEntry id="out_leak"><text>"x"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.getBytes(StandardCharsets.UTF_8);
    }
}
