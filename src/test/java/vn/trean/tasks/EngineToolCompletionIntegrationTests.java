package vn.trean.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 7, item 5: a case task completes only through Trẻ An's task API, which checks the form and writes
 * the case file. The engine's own tools may look, not complete.
 */
class EngineToolCompletionIntegrationTests extends ApiIntegrationTest {

    @Autowired
    TaskService taskService;

    @Test
    void engineRestCannotCompleteACaseTask() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();

        var refused = as("owner").post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("riskLevel", Map.of("value", "low")))).expect(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("complete-in-app");
        as("admin").post("/engine-rest/task/" + taskId + "/submit-form", Map.of()).expect(403);
        as("admin").post("/engine-rest/engine/default/task/" + taskId + "/resolve", Map.of()).expect(403);

        assertThat(hasTask("officer", caseId, "verify_report")).isTrue();
        assertThat(count("select count(*) from step_record where task_id = ? and completed_at is null", taskId)).isOne();
        as("owner").get("/engine-rest/task/" + taskId).expect(200);
    }

    @Test
    void tasklistCannotCompleteACaseTask() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();

        as("admin").post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", Map.of()).expect(403);

        assertThat(hasTask("officer", caseId, "verify_report")).isTrue();
    }

    @Test
    void aCompletionAroundTheTaskApiIsRefusedByTheEngineItselfAndRecordsNothing() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();

        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("seriousHarm", false)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("/api/tasks");

        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(count("select count(*) from step_record where task_id = ? and completed_at is null", taskId)).isOne();
    }

    @Test
    void theTaskApiCompletesTheStepAndWritesWhatItRecords() {
        UUID caseId = caseWithAPoliceMeasure();
        assertThat(count("select count(*) from plan_measure where case_id = ? and status = 'ACTIVE'", caseId)).isOne();
        assertThat(count("select count(*) from case_file where id = ? and protection_level = 'intervention'", caseId))
                .isOne();
    }
}
