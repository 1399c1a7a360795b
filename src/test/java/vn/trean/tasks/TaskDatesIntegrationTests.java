package vn.trean.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** What a step records happened after the report was received, and (unless it is a plan) not in the future. */
class TaskDatesIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aSeparationDecidedBeforeTheReportWasReceivedIsRefusedAndTheStepStaysOpen() {
        Instant receivedAt = Instant.now().minus(Duration.ofDays(3));
        UUID caseId = caseAwaitingSeparation(receivedAt);
        LocalDate dayBefore = receivedAt.atZone(VIETNAM).toLocalDate().minusDays(1);

        JsonNode problem = refused("chairman", caseId, "decide_separation", separation(dayBefore));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("decisionDate");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("before the case's report was received");
    }

    @Test
    void aSeparationDecidedInTheFutureIsRefused() {
        UUID caseId = caseAwaitingSeparation(Instant.now().minus(Duration.ofDays(1)));
        JsonNode problem = refused("chairman", caseId, "decide_separation", separation(today().plusDays(2)));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("decisionDate");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("This date cannot be in the future.");

        complete("chairman", caseId, "decide_separation", separation(today()));
    }

    @Test
    void aCaseMeetingInTheFutureIsRefused() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        Map<String, Object> meeting = new HashMap<>(caseMeeting("intervention"));
        meeting.put("meetingDate", today().plusDays(1).toString());

        JsonNode problem = refused("chairman", caseId, "hold_case_meeting", meeting);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("meetingDate");
    }

    @Test
    void aMeasureEndingBeforeItStartsOrStartingBeforeTheReportIsRefused() {
        Instant receivedAt = Instant.now().minus(Duration.ofDays(2));
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));

        JsonNode endBeforeStart = refused("officer", caseId, "draft_plan",
                plan(today().plusDays(20), today().plusDays(1)));
        assertThat(endBeforeStart.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("measures[0].endDate");

        JsonNode startBeforeReceipt = refused("officer", caseId, "draft_plan",
                plan(receivedAt.atZone(VIETNAM).toLocalDate().minusDays(5), today().plusDays(30)));
        assertThat(startBeforeReceipt.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("measures[0].startDate");

        // a plan looks ahead: measures may start and end in the future
        complete("officer", caseId, "draft_plan", plan(today().plusDays(1), today().plusDays(60)));
    }

    private UUID caseAwaitingSeparation(Instant receivedAt) {
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        complete("officer", caseId, "verify_report", verification(true));
        complete("chairman", caseId, "emergency_intervention", Map.of(
                "measuresTaken", "Công an ngăn chặn, sơ cứu tại trạm y tế", "agenciesInvolved", List.of("police"),
                "interventionCompletedAt", LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES).toString(),
                "separationNeeded", true));
        return caseId;
    }

    /** A refused completion: 400, the task still open, nothing recorded at the step. */
    private JsonNode refused(String username, UUID caseId, String stepKey, Map<String, Object> values) {
        String taskId = taskOf(username, caseId, stepKey).get("taskId").asText();
        JsonNode problem = as(username).inLanguage("en").post("/api/tasks/" + taskId + "/complete", values)
                .expect(400).body();
        assertThat(hasTask(username, caseId, stepKey)).as("the step stays open").isTrue();
        assertThat(count("select count(*) from step_record where task_id = ? and (data is not null or completed_at is not null)",
                taskId)).as("nothing recorded").isZero();
        return problem;
    }

    private static Map<String, Object> separation(LocalDate decisionDate) {
        return Map.of("decisionNumber", "12/QĐ-UBND", "decisionDate", decisionDate.toString(), "shelter", "Nhà bà ngoại");
    }

    private static Map<String, Object> plan(LocalDate start, LocalDate end) {
        return Map.of("planSummary", "Theo dõi an toàn", "measures", List.of(Map.of("measureType", "safety_monitoring",
                "responsibleRole", "police", "description", "Công an khu vực ghé thăm", "startDate", start.toString(),
                "endDate", end.toString())));
    }
}
