package vn.trean.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class TaskCompletionIntegrationTests extends ApiIntegrationTest {

    @Test
    void taskComesWithTheFormItIsCompletedWith() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        JsonNode task = as("officer").get("/api/tasks/" + taskId).expect(200).body();
        assertThat(task.get("form").get("id").asText()).isEqualTo("verify_report");
        assertThat(task.get("form").get("schemaVersion").asInt()).isEqualTo(16);
    }

    @Test
    void invalidFormValuesAreNamedAndChangeNothing() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        Map<String, Object> values = new HashMap<>(verification(false));
        values.remove("initialHarmAssessment");
        values.put("riskLevel", "extreme");
        values.put("seriousHarm", "maybe");
        values.put("childName", "should not be accepted");

        JsonNode problem = as("officer").inLanguage("en").post("/api/tasks/" + taskId + "/complete", values)
                .expect(400).body();
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("initialHarmAssessment", "riskLevel", "seriousHarm", "childName");
        assertThat(problem.get("errors")).extracting(e -> e.get("message").asText())
                .contains("Required.", "Must be one of: high, medium, low, none.", "This field is not in the form.");

        assertThat(hasTask("officer", caseId, "verify_report")).isTrue();
        assertThat(count("select count(*) from step_record where task_id = ? and (data is not null or completed_at is not null)",
                taskId)).isZero();
    }

    @Test
    void taskOfAnotherCommuneIsNotFound() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        JsonNode problem = as("officer.ngocha").post("/api/tasks/" + taskId + "/complete", verification(false))
                .expect(404).body();
        assertThat(problem.get("code").asText()).isEqualTo("task-not-found");
        as("officer.ngocha").get("/api/tasks/" + taskId).expect(404);
        assertThat(hasTask("officer", caseId, "verify_report")).isTrue();
    }

    @Test
    void taskRoutedToAnotherAgencyOfTheSameCaseIsRefused() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        JsonNode problem = as("chairman").post("/api/tasks/" + taskId + "/complete", verification(false))
                .expect(403).body();
        assertThat(problem.get("code").asText()).isEqualTo("task-not-yours");
    }

    @Test
    void completedTaskCannotBeCompletedAgain() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        as("officer").post("/api/tasks/" + taskId + "/complete", verification(false)).expect(204);
        JsonNode problem = as("officer").post("/api/tasks/" + taskId + "/complete", verification(true)).expect(409).body();
        assertThat(problem.get("code").asText()).isEqualTo("task-already-completed");
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'verify_report'", caseId)).isOne();
    }

    @Test
    void aRetryOfTheSameSubmissionGetsTheFirstAnswerAndIsRecordedOnce() {
        // the phone sent the form, the task was completed, the answer was lost: the outbox sends it again
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        String key = "form-" + UUID.randomUUID();
        String url = "/api/tasks/" + taskId + "/complete";
        as("officer").withHeader("Idempotency-Key", key).post(url, verification(false)).expect(204);
        as("officer").withHeader("Idempotency-Key", key).post(url, verification(false)).expect(204);
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'verify_report'", caseId))
                .isOne();

        // the same key with other values is not a retry; another person's key is not this one's
        JsonNode reused = as("officer").withHeader("Idempotency-Key", key).post(url, verification(true)).expect(409)
                .body();
        assertThat(reused.get("code").asText()).isEqualTo("idempotency-key-reused");
        JsonNode other = as("chairman").withHeader("Idempotency-Key", key).post(url, verification(false)).expect(409)
                .body();
        assertThat(other.get("code").asText()).isEqualTo("task-already-completed");
    }

    @Test
    void aRefusedSubmissionLeavesNoKeySoTheCorrectedOneIsDone() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        String key = "form-" + UUID.randomUUID();
        Map<String, Object> invalid = new HashMap<>(verification(false));
        invalid.put("riskLevel", "extreme");
        as("officer").withHeader("Idempotency-Key", key).post("/api/tasks/" + taskId + "/complete", invalid).expect(400);
        as("officer").withHeader("Idempotency-Key", key).post("/api/tasks/" + taskId + "/complete",
                verification(false)).expect(204);
        assertThat(hasTask("officer", caseId, "verify_report")).isFalse();
        as("officer").withHeader("Idempotency-Key", "not a key!").post("/api/tasks/" + taskId + "/complete",
                verification(false)).expect(400);
    }

    @Test
    void unknownTaskIsNotFound() {
        as("officer").post("/api/tasks/does-not-exist/complete", Map.of()).expect(404);
    }

    @Test
    void claimedTaskIsWorkedByItsClaimantOnly() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        as("officer").post("/api/tasks/" + taskId + "/claim", Map.of()).expect(204);
        assertThat(taskOf("officer", caseId, "verify_report").get("assignee").asText()).isEqualTo("officer");
        as("officer").post("/api/tasks/" + taskId + "/unclaim", Map.of()).expect(204);
        assertThat(taskOf("officer", caseId, "verify_report").has("assignee")).isFalse();
    }

    @Test
    void emergencyCaseRunsToClosureAndCanBeReopenedLinkedToIt() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        // what a step records happened between the receipt and now: the day the test runs
        java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        java.time.LocalDate today = java.time.LocalDate.now(vietnam);
        complete("officer", caseId, "verify_report", verification(true));

        // the chairman sees the emergency task
        complete("chairman", caseId, "emergency_intervention", Map.of(
                "measuresTaken", "08:30 công an ngăn chặn; 09:00 sơ cứu tại trạm y tế",
                "agenciesInvolved", List.of("police", "health"), "interventionCompletedAt",
                java.time.LocalDateTime.now(vietnam).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
                "separationNeeded", true));
        complete("chairman", caseId, "decide_separation", Map.of("decisionNumber", "12/QĐ-UBND",
                "decisionDate", today.toString(), "shelter", "Nhà bà ngoại"));
        // the police and the health station named in the emergency each record their own part
        Map<String, Object> agencyPart = Map.of("actionsTaken", "Đã thực hiện", "actedAt",
                java.time.LocalDateTime.now(vietnam).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
                "evidenceKept", false);
        complete("police", caseId, "police_response", agencyPart);
        complete("health", caseId, "health_response", agencyPart);
        // the officer drafts the emergency plan inside the 12 hours (Art. 31.3)
        complete("officer", caseId, "draft_plan", Map.of("planSummary", "Trị liệu tâm lý", "measures", List.of(
                Map.of("measureType", "psychological_therapy", "responsibleRole", "health", "description", "Trị liệu",
                        "startDate", today.toString(), "endDate", today.plusDays(30).toString()))));
        JsonNode monitoring = taskOf("chairman", caseId, "monitor_separation");
        // the separation ends 15 days after the decision date it records
        assertThat(Instant.parse(monitoring.get("dueAt").asText()))
                .isEqualTo(today.plusDays(15).atStartOfDay(vietnam).toInstant());
        complete("chairman", caseId, "monitor_separation", Map.of("outcome", "revoked", "parentsAssessedSafe", true));

        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes"));
        complete("health", caseId, "implement_measure", Map.of("status", "done", "completedOn", today.toString()));
        complete("officer", caseId, "review_case", Map.of("remainingHarm", "low", "perpetratorAccess", "low",
                "careObstacles", "low", "selfProtection", "high", "noLongerAtRisk", true, "stateStable", true,
                "reviewNote", "Trẻ ổn định"));
        complete("chairman", caseId, "close_case", Map.of("closedOn", today.toString(), "closingSituation", "safe_at_home", "closingNote", "Kết thúc kế hoạch"));

        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(file.get("emergency").asBoolean()).isTrue();
        assertThat(file.get("measures").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(file.get("steps")).extracting(s -> s.get("stepKey").asText()).contains("forward_to_commune",
                "verify_report", "emergency_intervention", "decide_separation", "monitor_separation", "draft_plan", "approve_plan", "implement_measure", "review_case", "close_case");
        assertThat(file.get("steps").get(1).get("data").get("riskLevel").asText()).isEqualTo("high");

        JsonNode reopened = as("officer").post("/api/cases/" + caseId + "/reopen", Map.of()).expect(201).body();
        UUID newCase = UUID.fromString(reopened.get("id").asText());
        assertThat(as("officer").get("/api/cases/" + newCase).expect(200).body().get("reopenedFrom").asText())
                .isEqualTo(caseId.toString());
        assertThat(hasTask("officer", newCase, "verify_report")).isTrue();
        as("officer").post("/api/cases/" + newCase + "/reopen", Map.of()).expect(409);
    }
}
