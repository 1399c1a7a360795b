package vn.trean.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** Issue 11, items 3 and 4: drafts of a task's form on the server, and which pages a browser may keep offline. */
class TaskDraftsIntegrationTests extends ApiIntegrationTest {

    @Test
    void theOfficerSavesReadsReplacesAndDiscardsTheirDraft() {
        String task = verifyTask();
        String draft = "/api/tasks/" + task + "/draft";
        as("officer").get(draft).expect(204);

        var saved = as("officer").put(draft, Map.of("initialHarmAssessment", "Trẻ có vết bầm", "riskLevel", "HIGH"))
                .expect(200).body();
        assertThat(saved.get("values").get("initialHarmAssessment").asText()).isEqualTo("Trẻ có vết bầm");
        as("officer").put(draft, Map.of("initialHarmAssessment", "Trẻ sợ về nhà")).expect(200);
        var read = as("officer").get(draft).expect(200).body();
        assertThat(read.get("values").get("initialHarmAssessment").asText()).isEqualTo("Trẻ sợ về nhà");
        assertThat(read.get("values").has("riskLevel")).as("replaced as a whole").isFalse();
        assertThat(read.get("updatedAt").asText()).isNotBlank();

        as("officer").delete(draft).expect(204);
        as("officer").get(draft).expect(204);
    }

    @Test
    void aDraftIsBoundedAndMustBeAnObject() {
        String draft = "/api/tasks/" + verifyTask() + "/draft";
        var tooLong = as("officer").put(draft, Map.of("initialHarmAssessment", "x".repeat(70_000))).expect(400).body();
        assertThat(tooLong.get("errors").get(0).get("field").asText()).isEqualTo("values");
        assertThat(tooLong.get("errors").get(0).get("message").asText()).contains("65.536");
        var english = as("officer").inLanguage("en").withHeader("Content-Type", "application/json")
                .put(draft, "[1, 2]").expect(400).body();
        assertThat(english.get("errors").get(0).get("message").asText()).contains("JSON object");
        as("officer").get(draft).expect(204);
    }

    @Test
    void nobodyElseReadsOrWritesADraftAndAHiddenTaskAnswersLikeAMissingOne() {
        String task = verifyTask();
        String draft = "/api/tasks/" + task + "/draft";
        as("officer").put(draft, Map.of("initialHarmAssessment", "Chỉ của cán bộ")).expect(200);
        for (String other : new String[] {"police", "teacher", "officer.ngocha", "supervisor", "admin"}) {
            as(other).get(draft).expect(404);
            as(other).put(draft, Map.of("initialHarmAssessment", "ghi đè")).expect(404);
            as(other).delete(draft).expect(404);
        }
        as("officer").get("/api/tasks/" + UUID.randomUUID() + "/draft").expect(404);
        assertThat(as("officer").get(draft).expect(200).body().get("values").get("initialHarmAssessment").asText())
                .isEqualTo("Chỉ của cán bộ");
    }

    @Test
    void theDraftIsDeletedWhenTheTaskIsCompleted() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String task = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        as("officer").put("/api/tasks/" + task + "/draft", Map.of("initialHarmAssessment", "sắp gửi")).expect(200);
        assertThat(count("select count(*) from task_draft where task_id = ?", task)).isOne();

        complete("officer", caseId, "verify_report", verification(false));

        assertThat(count("select count(*) from task_draft where task_id = ?", task)).isZero();
        as("officer").get("/api/tasks/" + task + "/draft").expect(404);
    }

    @Test
    void onlyTheCommuneCaseworkersTaskPagesMayBeKeptOfflineEverythingElseIsNoStore() throws Exception {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String task = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        for (String path : new String[] {"/tasks", "/tasks/" + task}) {
            var officer = page("officer", path);
            assertThat(officer.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
            assertThat(officer.headers().firstValue("X-Offline-User")).isPresent();
            assertThat(officer.headers().firstValue("X-Offline-Max-Age")).hasValue("43200");
            assertThat(officer.body()).contains("id=\"offline-config\"").contains("data-enabled=\"true\"");
        }
        var police = page("police", "/tasks");
        assertThat(police.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(police.headers().firstValue("X-Offline-User")).isEmpty();
        assertThat(police.body()).contains("data-enabled=\"false\"");
        assertThat(page("officer", "/cases/" + caseId).headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-store");
        assertThat(page("officer", "/").headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        var worker = page(null, "/sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(worker.body()).contains("X-Offline-User");
    }

    @Test
    void keepingTheSessionAliveAnswersItsLength() {
        assertThat(as("officer").post("/api/session/keep-alive", Map.of()).expect(200).body().get("timeoutSeconds")
                .asLong()).isEqualTo(1800);
        anonymous().post("/api/session/keep-alive", Map.of()).expect(401);
    }

    private String verifyTask() {
        return taskOf("officer", fileReport(COMMUNE_A, Instant.now()), "verify_report").get("taskId").asText();
    }

    private HttpResponse<String> page(String user, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
