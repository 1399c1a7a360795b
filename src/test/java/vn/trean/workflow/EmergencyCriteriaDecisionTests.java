package vn.trean.workflow;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per rule of {@code bpmn/emergency_criteria.dmn} (Article 31 of Decree 56/2017): the decision the
 * verification step takes, evaluated on the shared engine. Each test also checks which rule matched, since
 * the table's hit policy is FIRST.
 */
@Deployment(resources = "bpmn/emergency_criteria.dmn")
class EmergencyCriteriaDecisionTests {

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessTestEngine.extension();

    private static final List<String> RULES = List.of(
            "rule_serious_harm", "rule_perpetrator_is_carer", "rule_officer_declares_emergency", "rule_no_emergency");

    private ProcessEngine engine;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
    }

    @AfterEach
    void tearDown() {
        ProcessTestEngine.reset();
    }

    @Test
    void seriousHarmToLifeHealthOrDignityIsAnEmergency() {
        then(evaluate(true, false, false)).isEqualTo(new Outcome(true, "rule_serious_harm"));
    }

    @Test
    void perpetratorBeingAParentOrCarerIsAnEmergency() {
        then(evaluate(false, true, false)).isEqualTo(new Outcome(true, "rule_perpetrator_is_carer"));
    }

    @Test
    void officerMayDeclareAnEmergencyWithoutAnyOtherCriterion() {
        then(evaluate(false, false, true)).isEqualTo(new Outcome(true, "rule_officer_declares_emergency"));
    }

    @Test
    void noCriterionIsNoEmergency() {
        then(evaluate(false, false, false)).isEqualTo(new Outcome(false, "rule_no_emergency"));
    }

    @Test
    void allCriteriaTogetherAreAnEmergencyByTheFirstRule() {
        then(evaluate(true, true, true)).isEqualTo(new Outcome(true, "rule_serious_harm"));
    }

    @Test
    void carerAndOfficerTogetherAreAnEmergencyByTheCarerRule() {
        then(evaluate(false, true, true)).isEqualTo(new Outcome(true, "rule_perpetrator_is_carer"));
    }

    @Test
    void unansweredCriteriaAreNoEmergency() {
        then(evaluate(null, null, null)).isEqualTo(new Outcome(false, "rule_no_emergency"));
    }

    @Test
    void tableIsFirstHitAndEveryRuleIsCoveredHere() {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(CaseProcess.EMERGENCY_DECISION_KEY).singleResult();
        DecisionTable table = engine.getRepositoryService().getDmnModelInstance(definition.getId())
                .getModelElementsByType(DecisionTable.class).iterator().next();

        then(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        then(table.getRules().stream().map(Rule::getId).toList()).containsExactlyElementsOf(RULES);
        then(definition.getHistoryTimeToLive()).isNotNull();
    }

    private record Outcome(Object emergency, String matchedRule) {
    }

    private Outcome evaluate(Boolean seriousHarm, Boolean perpetratorIsCarer, Boolean officerDeclaresEmergency) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("seriousHarm", seriousHarm);
        variables.put("perpetratorIsCarer", perpetratorIsCarer);
        variables.put("officerDeclaresEmergency", officerDeclaresEmergency);

        DmnDecisionTableResult result = engine.getDecisionService()
                .evaluateDecisionTableByKey(CaseProcess.EMERGENCY_DECISION_KEY, variables);

        then(result).as("FIRST hit policy yields exactly one row").hasSize(1);
        then(result.getSingleResult().keySet()).containsExactly("emergency");
        return new Outcome(result.getSingleEntry(), matchedRule());
    }

    private String matchedRule() {
        List<HistoricDecisionInstance> evaluations = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(CaseProcess.EMERGENCY_DECISION_KEY).includeOutputs().list();
        then(evaluations).as("one evaluation per test").hasSize(1);
        List<HistoricDecisionOutputInstance> outputs = evaluations.get(0).getOutputs();
        then(outputs).hasSize(1);
        return outputs.get(0).getRuleId();
    }
}
