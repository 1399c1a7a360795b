package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * The 12 hours are inter-agency: the commune police and health station named by verification or the
 * emergency intervention each work their own step, see the case only once it is theirs, and a step left
 * open when the 12 hours end is a breach of that agency.
 */
class EmergencyAgenciesIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void policeAndHealthNamedInTheEmergencyEachWorkTheirOwnStepBeforeTheCaseMovesOn() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(true));
        as("health").get("/api/cases/" + caseId).expect(404);

        complete("chairman", caseId, "emergency_intervention", emergency(List.of("police", "health", "hotline")));

        JsonNode police = taskOf("police", caseId, "police_response");
        assertThat(police.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("police-00004");
        assertThat(police.get("inTwelveHourWindow").asBoolean()).isTrue();
        JsonNode health = taskOf("health", caseId, "health_response");
        assertThat(health.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("health-station-00004");
        assertThat(hasTask("health", caseId, "police_response")).isFalse();
        assertThat(hasTask("police", caseId, "health_response")).isFalse();
        assertThat(hasTask("chairman", caseId, "approve_plan")).as("the window waits for both").isFalse();
        // need-to-know: the health station sees the case once a step of it is theirs
        as("health").get("/api/cases/" + caseId).expect(200);

        int refused = as("health").post("/api/tasks/" + police.get("taskId").asText() + "/complete", response())
                .status();
        assertThat(refused).isIn(403, 404);
        assertThat(hasTask("police", caseId, "police_response")).as("the police step stays open").isTrue();

        complete("police", caseId, "police_response", response());
        complete("health", caseId, "health_response", response());
        complete("officer", caseId, "draft_plan", PlanDeadlineIntegrationTests.plan());

        assertThat(hasTask("chairman", caseId, "approve_plan")).isTrue();
        assertThat(as("officer").get("/api/cases/" + caseId + "/breaches").expect(200).body()).isEmpty();
    }

    @Test
    void healthNamedAtVerificationGetsItsStepWithoutAnEmergencyAndThePoliceNone() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        Map<String, Object> verification = new HashMap<>(verification(false));
        verification.put("verifiedWith", List.of("health"));

        complete("officer", caseId, "verify_report", verification);

        assertThat(hasTask("health", caseId, "health_response")).isTrue();
        assertThat(hasTask("police", caseId, "police_response")).isFalse();
        as("police").get("/api/cases/" + caseId).expect(404);
    }

    @Test
    void noAgencyStepIsOpenedWhenTheEmergencyNamesNeitherPoliceNorHealth() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(true));

        complete("chairman", caseId, "emergency_intervention", emergency(List.of("hotline")));

        assertThat(hasTask("police", caseId, "police_response")).isFalse();
        assertThat(hasTask("health", caseId, "health_response")).isFalse();
        assertThat(hasTask("officer", caseId, "draft_plan")).as("only the emergency plan is left in the window").isTrue();
    }

    @Test
    void whatThePoliceDidCannotLieInTheFuture() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(true));
        complete("chairman", caseId, "emergency_intervention", emergency(List.of("police")));
        Map<String, Object> values = new HashMap<>(response());
        values.put("actedAt", LocalDateTime.now(VIETNAM).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString());

        String taskId = taskOf("police", caseId, "police_response").get("taskId").asText();
        JsonNode problem = as("police").post("/api/tasks/" + taskId + "/complete", values).expect(400).body();

        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("actedAt");
        assertThat(hasTask("police", caseId, "police_response")).isTrue();
    }

    @Test
    void policeStepLeftOpenWhenTheTwelveHoursEndIsABreachOfThePolice() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        complete("officer", caseId, "verify_report", verification(true));
        complete("chairman", caseId, "emergency_intervention", emergency(List.of("police", "health")));
        complete("health", caseId, "health_response", response());
        complete("officer", caseId, "draft_plan", PlanDeadlineIntegrationTests.plan());
        Instant windowEnds = receivedAt.plus(Duration.ofHours(12));

        moveClockAndRunDueJobs(windowEnds.plusSeconds(60));

        JsonNode breaches = as("chairman").get("/api/cases/" + caseId + "/breaches").expect(200).body();
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).get("stepKey").asText()).isEqualTo("police_response");
        assertThat(breaches.get(0).get("agencyId").asText()).isEqualTo("police-00004");
        assertThat(Instant.parse(breaches.get(0).get("deadlineAt").asText())).isEqualTo(windowEnds);
        assertThat(hasTask("police", caseId, "police_response")).as("the step stays with the police").isTrue();
        assertThat(hasTask("supervisor", caseId, "escalate_breach")).isTrue();
    }

    @Test
    void declaredEmergencyIsReportedToTheProvinceAtOnceAndStaysOnItsBoardUntilTheMeasuresAreDone() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        assertThat(kindsOf("supervisor", caseId)).doesNotContain("EMERGENCY_REPORTED");

        complete("officer", caseId, "verify_report", verification(true));

        assertThat(kindsOf("supervisor", caseId)).containsOnlyOnce("EMERGENCY_REPORTED");
        JsonNode entry = timelineEntry(caseId, "emergency_reported");
        assertThat(entry.get("agencyId").asText()).isEqualTo("health-dept-01");
        assertThat(Instant.parse(entry.get("completedAt").asText())).isBetween(receivedAt, Instant.now());
        assertThat(emergenciesOnTheBoard("supervisor")).contains(caseId.toString());
        String caseNumber = as("officer").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
        assertThat(html("supervisor", "/board")).contains("Trường hợp khẩn cấp đang xử lý", caseNumber);
        // issue 11 item 6: the engine's own entry reads as a sentence naming whom it told
        assertThat(html("officer", "/cases/" + caseId)).contains("Đã báo cáo cấp tỉnh", "Hệ thống Trẻ An tự động báo cho Sở Y tế Hà Nội");

        complete("chairman", caseId, "emergency_intervention", emergency(List.of("police")));
        assertThat(emergenciesOnTheBoard("supervisor")).as("the police step is an emergency measure")
                .contains(caseId.toString());

        complete("police", caseId, "police_response", response());
        assertThat(emergenciesOnTheBoard("supervisor")).doesNotContain(caseId.toString());
        assertThat(kindsOf("supervisor", caseId)).containsOnlyOnce("EMERGENCY_REPORTED");
    }

    @Test
    void caseWithoutEmergencyIsNotReportedUpward() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());

        complete("officer", caseId, "verify_report", verification(false));

        assertThat(kindsOf("supervisor", caseId)).doesNotContain("EMERGENCY_REPORTED");
        assertThat(emergenciesOnTheBoard("supervisor")).doesNotContain(caseId.toString());
        JsonNode steps = as("officer").get("/api/cases/" + caseId).expect(200).body().get("steps");
        assertThat(steps).noneMatch(s -> s.get("stepKey").asText().equals("emergency_reported"));
    }

    private List<String> kindsOf(String username, UUID caseId) {
        return notificationKinds(as(username), caseId);
    }

    private JsonNode timelineEntry(UUID caseId, String stepKey) {
        return timelineEntry(as("officer"), caseId, stepKey);
    }

    /** A page as the user's browser gets it (HTML, Vietnamese). */
    private String page(String username, String path) {
        return pageAs(username, path);
    }

    private List<String> emergenciesOnTheBoard(String username) {
        List<String> cases = new java.util.ArrayList<>();
        as(username).get("/api/board").expect(200).body().get("openEmergencies")
                .forEach(e -> cases.add(e.get("caseId").asText()));
        return cases;
    }

    private static Map<String, Object> emergency(List<String> agencies) {
        return Map.of("measuresTaken", "Đưa trẻ đến nơi an toàn", "agenciesInvolved", agencies,
                "interventionCompletedAt", now(), "separationNeeded", false);
    }

    private static Map<String, Object> response() {
        return Map.of("actionsTaken", "Đã có mặt, ngăn chặn và lập biên bản", "actedAt", now(),
                "evidenceKept", true, "evidenceDescription", "Ảnh vết thương, biên bản");
    }

    private static String now() {
        return LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
