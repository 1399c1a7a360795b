package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 12 item 6 through the API: closing records the child's situation; a child in alternative care is followed
 * after closing — the carer's report opens when the officer reports a change (the 6-monthly ones: the process
 * tests, with the engine clock moved) — until a report says the care ended.
 */
class CareFollowUpIntegrationTests extends ApiIntegrationTest {

    @Test
    void aChildClosedInAlternativeCareIsFollowedUntilAReportSaysTheCareEnded() {
        UUID caseId = reviewedCase();
        Map<String, Object> closing = new HashMap<>(Map.of("closedOn", today().toString(),
                "closingSituation", "alternative_care", "closingNote", "Trẻ sống với bà ngoại"));
        JsonNode missing = as("chairman").inLanguage("en").post("/api/tasks/"
                + taskOf("chairman", caseId, "close_case").get("taskId").asText() + "/complete", closing).expect(400)
                .body();
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("careArrangement");
        closing.put("careArrangement", "relatives");
        complete("chairman", caseId, "close_case", closing);

        assertThat(jdbc.sql("select status || ' ' || closing_situation || ' ' || care_arrangement from case_file"
                + " where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("CLOSED alternative_care relatives");
        assertThat(management.createJobQuery().processInstanceId(instanceOf(caseId)).activityId("timer_care_report")
                .count()).as("the next 6-monthly report is waited for").isOne();

        String url = "/api/cases/" + caseId + "/care-changes";
        assertThat(as("chairman").post(url, Map.of()).expect(403).body().get("code").asText())
                .isEqualTo("care-change-not-allowed");
        as("officer.ngocha").post(url, Map.of()).expect(404);
        String report = as("officer").post(url, Map.of()).expect(201).body().get("taskId").asText();
        assertThat(as("officer").post(url, Map.of()).expect(409).body().get("code").asText())
                .isEqualTo("care-follow-up-not-waiting");

        as("officer").post("/api/tasks/" + report + "/complete", careReport("no")).expect(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceOf(caseId)).count())
                .as("the follow-up ended with the care").isZero();
        as("officer").post(url, Map.of()).expect(409);
        assertThat(timelineEntry(as("officer"), caseId, "report_alternative_care").get("data").get("careArrangement")
                .asText()).isEqualTo("foster_family");
    }

    @Test
    void aChildSafeAtHomeIsNotFollowed() {
        UUID caseId = reviewedCase();
        complete("chairman", caseId, "close_case", Map.of("closedOn", today().toString(),
                "closingSituation", "safe_at_home", "closingNote", "Trẻ an toàn"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceOf(caseId)).count()).isZero();
        assertThat(as("officer").post("/api/cases/" + caseId + "/care-changes", Map.of()).expect(409).body()
                .get("code").asText()).isEqualTo("care-follow-up-not-waiting");
    }

    private UUID reviewedCase() {
        UUID caseId = caseWithAPoliceMeasure();
        complete("police", caseId, "implement_measure", Map.of("status", "done", "completedOn", today().toString()));
        complete("officer", caseId, "review_case", Map.of("remainingHarm", "low", "perpetratorAccess", "low",
                "careObstacles", "low", "selfProtection", "high", "noLongerAtRisk", true, "stateStable", true,
                "reviewNote", "Trẻ ổn định"));
        return caseId;
    }

    private static Map<String, Object> careReport(String continues) {
        return Map.of("reportedOn", today().toString(), "careArrangement", "foster_family", "arrangementChanged", "yes",
                "childHealth", "Khỏe mạnh", "childEducation", "Đi học đều", "careContinues", continues);
    }
}
