package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 9 item 6: a temporary separation decided later in the case (Decree 56, art. 32). The officer requests
 * it, the chairman decides with Form 07, the province is told at once, the officer and the chairman are
 * reminded two days before the 15 days from the decision end, and no extension goes beyond them.
 */
class LaterSeparationIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Map<String, Object> REQUEST = Map.of("reason", "Cha mẹ từ chối kế hoạch, nguy cơ tái xâm hại");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void separationRequestedDuringAssessmentIsDecidedReportedUpwardAndRemindedOnDayThirteen() {
        UUID caseId = caseInAssessment();
        as("chairman").post(requests(caseId), REQUEST).expect(403);
        as("police").post(requests(caseId), REQUEST).expect(404);
        as("officer.ngocha").post(requests(caseId), REQUEST).expect(404);

        JsonNode missing = as("officer").post(requests(caseId), Map.of()).expect(400).body();
        assertThat(missing.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("reason");

        as("officer").post(requests(caseId), REQUEST).expect(202);

        assertThat(hasTask("officer", caseId, "assess_needs")).as("assessment goes on").isTrue();
        assertThat(timelineEntry(caseId, "separation_requested").get("data").get("reason").asText())
                .isEqualTo(REQUEST.get("reason"));
        JsonNode conflict = as("officer").post(requests(caseId), REQUEST).expect(409).body();
        assertThat(conflict.get("type").asText()).contains("separation-running");
        assertThat(kindsOf("supervisor", caseId)).doesNotContain("SEPARATION_REPORTED");

        complete("chairman", caseId, "decide_separation", Map.of("decisionNumber", "07/QĐ-UBND",
                "decisionDate", today().toString(), "shelter", "Nhà tạm lánh của xã"));

        assertThat(kindsOf("supervisor", caseId)).containsOnlyOnce("SEPARATION_REPORTED");
        JsonNode reported = timelineEntry(caseId, "separation_reported");
        assertThat(reported.get("agencyId").asText()).isEqualTo("health-dept-01");
        assertThat(hasTask("chairman", caseId, "monitor_separation")).isTrue();
        as("officer").post(requests(caseId), REQUEST).expect(409);

        Instant dayThirteen = today().plusDays(13).atStartOfDay(VIETNAM).toInstant();
        moveClockAndRunDueJobs(dayThirteen.minus(Duration.ofMinutes(1)));
        assertThat(kindsOf("officer", caseId)).doesNotContain("SEPARATION_REMINDER");
        moveClockAndRunDueJobs(dayThirteen.plus(Duration.ofMinutes(1)));

        assertThat(kindsOf("officer", caseId)).containsOnlyOnce("SEPARATION_REMINDER");
        assertThat(kindsOf("chairman", caseId)).containsOnlyOnce("SEPARATION_REMINDER");
        assertThat(hasTask("chairman", caseId, "monitor_separation")).as("the separation still runs").isTrue();
    }

    @Test
    void extensionIsRecordedWithinTheFifteenDaysAndRefusedBeyondThemNamingTheField() {
        UUID caseId = caseInAssessment();
        as("chairman").post(extensions(caseId), extension(5)).expect(409);
        as("officer").post(requests(caseId), REQUEST).expect(202);
        complete("chairman", caseId, "decide_separation", Map.of("decisionNumber", "07/QĐ-UBND",
                "decisionDate", today().toString(), "shelter", "Nhà tạm lánh của xã"));

        JsonNode refused = as("chairman").post(extensions(caseId), extension(16)).expect(400).body();
        assertThat(refused.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("extendedUntil");
        as("police").post(extensions(caseId), extension(10)).expect(404);

        as("chairman").post(extensions(caseId), extension(15)).expect(204);

        JsonNode entry = timelineEntry(caseId, "separation_extended");
        assertThat(entry.get("data").get("extendedUntil").asText()).isEqualTo(today().plusDays(15).toString());
        assertThat(steps(caseId)).filteredOn(s -> s.get("stepKey").asText().equals("separation_extended")).hasSize(1);
    }

    @Test
    void officerProposesTheSeparationFromTheCasePageAndTheChairmanGetsFormSeven() throws Exception {
        UUID caseId = caseInAssessment();
        assertThat(page("officer", caseId)).contains("Đề nghị tạm thời cách ly");
        assertThat(page("chairman", caseId)).doesNotContain("separation-requests");

        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://localhost:" + port + "/cases/" + caseId + "/separation-requests"))
                        .header("Authorization", basic("officer"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("reason="
                                + java.net.URLEncoder.encode("Cha mẹ từ chối kế hoạch", java.nio.charset.StandardCharsets.UTF_8)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(hasTask("chairman", caseId, "decide_separation")).isTrue();
    }

    @Test
    void extensionFromTheCasePageIsRefusedBesideTheFieldInThePageLanguageAndRecordedWithinTheLimit() throws Exception {
        UUID caseId = caseInAssessment();
        as("officer").post(requests(caseId), REQUEST).expect(202);
        complete("chairman", caseId, "decide_separation", Map.of("decisionNumber", "07/QĐ-UBND",
                "decisionDate", today().toString(), "shelter", "Nhà tạm lánh của xã"));
        String lastDay = dayFirst(today().plusDays(15));
        assertThat(page("officer", caseId)).contains("Gia hạn tách trẻ", lastDay);
        assertThat(page("hotline", caseId)).doesNotContain("separation-extensions");

        var beyond = postExtension("officer", caseId, dayFirst(today().plusDays(16)), "en");
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(beyond.body()).contains("id=\"extendedUntil-error\"")
                .contains("Must not be more than 15 days after the separation decision");
        var unreadable = postExtension("officer", caseId, "31/02/2027", "vi");
        assertThat(unreadable.body()).contains("Ngày không hợp lệ");
        assertThat(postExtension("hotline", caseId, lastDay, "vi").statusCode()).isEqualTo(403);
        assertThat(steps(caseId)).noneMatch(s -> s.get("stepKey").asText().equals("separation_extended"));

        var recorded = postExtension("officer", caseId, lastDay, "vi");

        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(timelineEntry(caseId, "separation_extended").get("data").get("extendedUntil").asText())
                .isEqualTo(today().plusDays(15).toString());
    }

    private java.net.http.HttpResponse<String> postExtension(String username, UUID caseId, String day, String language)
            throws Exception {
        String form = "extendedUntil=" + java.net.URLEncoder.encode(day, java.nio.charset.StandardCharsets.UTF_8)
                + "&reason=" + java.net.URLEncoder.encode("Cha mẹ chưa đảm bảo an toàn", java.nio.charset.StandardCharsets.UTF_8);
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://localhost:" + port + "/cases/" + caseId + "/separation-extensions"))
                        .header("Authorization", basic(username)).header("Cookie", "lang=" + language)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String dayFirst(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private String page(String username, UUID caseId) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://localhost:" + port + "/cases/" + caseId))
                        .header("Authorization", basic(username)).header("Accept", "text/html").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String basic(String username) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private UUID caseInAssessment() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        assertThat(hasTask("officer", caseId, "assess_needs")).isTrue();
        return caseId;
    }

    private static String requests(UUID caseId) {
        return "/api/cases/" + caseId + "/separation-requests";
    }

    private static String extensions(UUID caseId) {
        return "/api/cases/" + caseId + "/separation-extensions";
    }

    private static Map<String, Object> extension(int daysFromDecision) {
        return Map.of("extendedUntil", today().plusDays(daysFromDecision).toString(), "reason", "Cha mẹ chưa đảm bảo an toàn");
    }

    private List<String> kindsOf(String username, UUID caseId) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode n : as(username).get("/api/notifications").expect(200).body()) {
            if (n.get("caseId").asText().equals(caseId.toString())) {
                kinds.add(n.get("kind").asText());
            }
        }
        return kinds;
    }

    private List<JsonNode> steps(UUID caseId) {
        List<JsonNode> steps = new ArrayList<>();
        as("officer").get("/api/cases/" + caseId).expect(200).body().get("steps").forEach(steps::add);
        return steps;
    }

    private JsonNode timelineEntry(UUID caseId, String stepKey) {
        return steps(caseId).stream().filter(s -> s.get("stepKey").asText().equals(stepKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + stepKey + " in the timeline of " + caseId));
    }
}
