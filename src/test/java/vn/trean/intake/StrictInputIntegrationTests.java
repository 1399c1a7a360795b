package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 7, items 11 and 13: every malformed or out-of-range input is a 4xx problem that names the
 * field, parameter or position, and nothing is written.
 */
class StrictInputIntegrationTests extends ApiIntegrationTest {

    // --- item 13: text, dates, numbers --------------------------------------------------------------

    @Test
    void aNulByteInAnyTextIsRefusedNamingTheFieldAndNothingIsWritten() {
        refusedReport(r -> child(r).put("fullName", "Nguyễn\u0000Hoà"), 400, "child.fullName");
        refusedReport(r -> r.put("place", "Tổ\u00015"), 400, "place");
        refusedReport(r -> r.put("abuseForms", List.of("VIOLENCE\u0000")), 400, "abuseForms[0]");
        refusedReport(r -> r.put("informant", Map.of("name", "A\u0000")), 400, "informant.name");

        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        Map<String, Object> values = verification(false);
        values.put("initialHarmAssessment", "Vết bầm\u0000");
        refusedTask(caseId, "officer", "verify_report", values, "initialHarmAssessment");
    }

    @Test
    void aTimeOfReceiptOutsideAnyPossibleYearOrGivenAsANumberIsRefusedNamingReceivedAt() {
        refusedReport(r -> r.put("receivedAt", "-999999999-01-01T00:00:00Z"), 400, "receivedAt");
        refusedReport(r -> r.put("receivedAt", "+10000-01-01T00:00:00Z"), 400, "receivedAt");
        refusedReport(r -> r.put("receivedAt", "0001-01-01T00:00:00Z"), 400, "receivedAt");
        refusedReport(r -> r.put("receivedAt", 0), 400, "receivedAt");
        refusedReport(r -> r.put("receivedAt", -1), 400, "receivedAt");
        refusedReport(r -> r.put("receivedAt", 1.5e9), 400, "receivedAt");
        refusedReport(r -> child(r).put("dateOfBirth", 20200101), 400, "child.dateOfBirth");
        refusedReport(r -> child(r).put("dateOfBirth", "0099-01-01"), 400, "child.dateOfBirth");
    }

    @Test
    void aCostEstimateBeyondBoundsOrNotAWholeNumberIsRefusedAndTheTaskStaysOpen() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        for (String cost : List.of("1e15", "18446744073709551616", "-5", "1.5", "\"abc\"", "true", "1" + "0".repeat(39))) {
            String body = """
                    {"planSummary":"Trị liệu","measures":[{"measureType":"psychological_therapy","responsibleRole":"health",
                    "description":"Trị liệu","startDate":"%s","endDate":"%s","costEstimate":%s}]}"""
                    .formatted(MEASURE_START, MEASURE_END, cost);
            refusedTaskRaw(caseId, "officer", "draft_plan", body, "measures[0].costEstimate");
        }
        List<Map<String, Object>> measures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            measures.add(Map.of("measureType", "psychological_therapy", "responsibleRole", "health",
                    "description", "Trị liệu " + i, "startDate", MEASURE_START, "endDate", MEASURE_END));
        }
        refusedTask(caseId, "officer", "draft_plan", Map.of("planSummary", "Trị liệu", "measures", measures), "measures");
        assertThat(count("select count(*) from plan_measure where case_id = ?", caseId)).isZero();
    }

    // --- item 13: sizes and shapes -------------------------------------------------------------------

    @Test
    void oversizedOrOddlyShapedInformantsAndParentsAreRefused() {
        refusedReport(r -> r.put("informant", Map.of("name", "x".repeat(5_000_000))), 400, "informant.name");
        refusedReport(r -> r.put("informant", Map.of("name", "x".repeat(300))), 400, "informant.name");
        Map<String, Object> manyKeys = new LinkedHashMap<>();
        for (int i = 0; i < 50_000; i++) {
            manyKeys.put("k" + i, i);
        }
        refusedReport(r -> r.put("informant", manyKeys), 400, "informant.k0");
        refusedReport(r -> r.put("parents", List.of(Map.of("fullName", "A"), Map.of("fullName", "B"),
                Map.of("fullName", "C"), Map.of("fullName", "D"), Map.of("fullName", "E"))), 400, "parents");
        refusedReport(r -> r.put("parents", List.of(Map.of("fullName", "A", "notes", Map.of("deep", 1)))), 400,
                "parents[0].notes");

        String deep = "[".repeat(900) + "]".repeat(900);
        Response nested = refusedReportRaw(reportJson().replace("\"place\":\"Tổ 5\"", "\"place\":" + deep), 400);
        assertThat(nested.body().get("position").get("line").asInt()).isPositive();
    }

    @Test
    void aReportWithItsInformantAndParentsAsThePageSendsThemIsFiled() {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Lý Thị Mai");
        report.put("informant", Map.of("consent", true, "name", "Trần Văn Báo", "phone", "0912345678",
                "relation", "hàng xóm"));
        report.put("parents", List.of(Map.of("fullName", "Lý Văn Cha", "relation", "cha", "phone", "0987654321")));
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
        String informant = jdbc.sql("select informant::text from report where case_id = ?").param(caseId)
                .query(String.class).single();
        assertThat(informant).contains("Trần Văn Báo").contains("0912345678");
    }

    @Test
    void trailingDataDuplicateKeysAndValuesOfTheWrongTypeAreRefusedNamingTheirPlace() {
        String valid = reportJson();
        Response trailing = refusedReportRaw(valid + " {\"x\":1}", 400);
        assertThat(trailing.body().get("position").get("line").asInt()).isEqualTo(1);
        refusedReportRaw(valid + " garbage", 400);
        Response duplicate = refusedReportRaw(valid.replace("\"place\":\"Tổ 5\"", "\"place\":\"Tổ 5\",\"place\":\"Tổ 6\""), 400);
        assertThat(fields(duplicate)).contains("place");

        refusedReport(r -> r.put("category", 0), 400, "category");
        refusedReport(r -> r.put("category", "NOT_A_CATEGORY"), 400, "category");
        refusedReport(r -> r.put("place", true), 400, "place");
        refusedReport(r -> r.put("place", 12), 400, "place");
        refusedReport(r -> r.put("place", List.of("Tổ 5")), 400, "place");
        refusedReport(r -> child(r).put("estimatedAge", "9"), 400, "child.estimatedAge");
        refusedReport(r -> child(r).put("estimatedAge", 9.5), 400, "child.estimatedAge");
        refusedReport(r -> child(r).put("estimatedAge", new java.math.BigInteger("18446744073709551616")), 400,
                "child.estimatedAge");
        refusedReport(r -> child(r).put("sex", 1), 400, "child.sex");
        refusedReport(r -> r.put("child", "Hoà"), 400, "child");
        refusedReport(r -> r.put("unexpected", "x"), 400, "unexpected");
        refusedReport(r -> child(r).put("nickname", "x"), 400, "child.nickname");

        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        Map<String, Object> values = verification(false);
        values.put("seriousHarm", "true");
        refusedTask(caseId, "officer", "verify_report", values, "seriousHarm");
    }

    @Test
    void anUnknownCommuneIsNamedInTheFieldErrors() {
        Response refused = refusedReport(r -> r.put("communeCode", "99999"), 422, "communeCode");
        assertThat(refused.body().get("code").asText()).isEqualTo("unknown-commune");
    }

    @Test
    void problemsAreWordedInEnglishWhenAsked() {
        int before = cases();
        Response refused = as("hotline").inLanguage("en").postRaw("/api/reports",
                reportJson().replace("\"place\":\"Tổ 5\"", "\"place\":true"));
        refused.expect(400);
        assertThat(refused.body().get("errors").get(0).get("message").asText()).isEqualTo("Must be text.");
        Response vi = as("hotline").postRaw("/api/reports", reportJson().replace("\"place\":\"Tổ 5\"", "\"place\":true"));
        assertThat(vi.body().get("errors").get(0).get("message").asText()).isEqualTo("Phải là chuỗi ký tự.");
        assertThat(cases()).isEqualTo(before);
    }

    // --- media types ---------------------------------------------------------------------------------

    @Test
    void aBodyOfAnotherMediaTypeIsRefusedWith415NamingTheTypeTheEndpointTakes() {
        int before = cases();
        for (String type : List.of("*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            HttpResponse<String> refused = send("hotline", "POST", "/api/reports", reportJson(), type, "application/json");
            assertThat(refused.statusCode()).as(type).isEqualTo(415);
            JsonNode problem = parse(refused.body());
            assertThat(problem.get("accepts")).extracting(JsonNode::asText).contains("application/json");
        }
        assertThat(cases()).isEqualTo(before);
    }

    /** Item 11. */
    @Test
    void aReportAskingForAnAnswerOtherThanJsonIsRefusedWith406BeforeAnythingIsFiled() {
        int casesBefore = cases();
        int auditBefore = audits();
        for (String accept : List.of("text/plain", "text/html", "application/xml", "text/csv")) {
            HttpResponse<String> refused = send("hotline", "POST", "/api/reports", reportJson(), "application/json", accept);
            assertThat(refused.statusCode()).as(accept).isEqualTo(406);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(parse(refused.body()).get("code").asText()).isEqualTo("not-acceptable");
        }
        assertThat(cases()).isEqualTo(casesBefore);
        assertThat(audits()).isEqualTo(auditBefore);
        assertThat(send("hotline", "POST", "/api/reports", reportJson(), "application/json", "*/*").statusCode())
                .isEqualTo(201);
    }

    // --- parameters and addresses --------------------------------------------------------------------

    @Test
    void theComplianceBoardWithoutItsDatesNamesTheMissingParameter() {
        Response missing = as("chairman").get("/api/board/compliance").expect(400);
        assertThat(fields(missing)).containsExactly("from");
        Response badDate = as("chairman").get("/api/board/compliance?from=2026-13-01&to=2026-12-01").expect(400);
        assertThat(fields(badDate)).containsExactly("from");
    }

    @Test
    void migrationsWithUnknownOrMissingVersionsAreRefusedNamingTheField() {
        Response unknown = as("owner").post("/api/models/migrations/preview", Map.of("sourceDefinitionId", "nope:1:x",
                "targetDefinitionId", "nope:2:y", "processInstanceIds", List.of())).expect(400);
        assertThat(fields(unknown)).containsExactly("sourceDefinitionId", "targetDefinitionId");
        as("owner").post("/api/models/migrations", Map.of("sourceDefinitionId", "nope:1:x",
                "targetDefinitionId", "nope:2:y")).expect(400);
        Response noIds = as("owner").post("/api/models/migrations/result", Map.of("batchId", "nope")).expect(400);
        assertThat(fields(noIds)).containsExactly("processInstanceIds");
        as("owner").postRaw("/api/models/migrations/preview", "{}").expect(400);
    }

    @Test
    void anAddressTheFirewallRefusesIsA400ProblemNotA500() {
        for (String path : List.of("//engine-rest/engine", "/api/reports/..;/x", "/api/%2e%2e/reports")) {
            HttpResponse<String> refused = send("admin", "GET", path, null, null, "application/json");
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(parse(refused.body()).get("code").asText()).isEqualTo("rejected-request");
        }
    }

    @Test
    void aNulByteInAQueryParameterOrPathIsRefused() {
        assertThat(send("officer", "GET", "/api/tasks?step=%00", null, null, "application/json").statusCode())
                .isBetween(400, 404);
        assertThat(send("officer", "GET", "/api/tasks/%00abc", null, null, "application/json").statusCode())
                .isBetween(400, 404);
        assertThat(send("officer", "GET", "/api/tasks?step=" + "x".repeat(5000), null, null, "application/json")
                .statusCode()).isBetween(200, 404);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private Response refusedReport(Consumer<Map<String, Object>> change, int status, String field) {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Đặng Thị Thu");
        change.accept(report);
        int casesBefore = cases();
        int auditBefore = audits();
        Response refused = as("hotline").post("/api/reports", report).expect(status);
        assertThat(fields(refused)).as("fields named in %s", refused.body()).contains(field);
        assertThat(cases()).isEqualTo(casesBefore);
        assertThat(audits()).isEqualTo(auditBefore);
        return refused;
    }

    private Response refusedReportRaw(String body, int status) {
        int casesBefore = cases();
        Response refused = as("hotline").postRaw("/api/reports", body).expect(status);
        assertThat(refused.body().get("errors")).as("errors of %s", refused.body()).isNotEmpty();
        assertThat(cases()).isEqualTo(casesBefore);
        return refused;
    }

    private void refusedTask(UUID caseId, String user, String step, Map<String, Object> values, String field) {
        refusedTaskRaw(caseId, user, step, toJson(values), field);
    }

    private void refusedTaskRaw(UUID caseId, String user, String step, String body, String field) {
        String taskId = taskOf(user, caseId, step).get("taskId").asText();
        int auditBefore = audits();
        Response refused = as(user).postRaw("/api/tasks/" + taskId + "/complete", body).expect(400);
        assertThat(fields(refused)).as("fields named in %s", refused.body()).contains(field);
        assertThat(taskOf(user, caseId, step).get("taskId").asText()).as("the task stays open").isEqualTo(taskId);
        assertThat(audits()).isEqualTo(auditBefore);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> report) {
        Map<String, Object> child = new HashMap<>((Map<String, Object>) report.get("child"));
        report.put("child", child);
        return child;
    }

    private String reportJson() {
        Map<String, Object> report = new LinkedHashMap<>(report(COMMUNE_A, Instant.now(), "Đặng Thị Thu"));
        return toJson(report);
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.path("field").asText(null)));
        }
        return fields;
    }

    private int cases() {
        return count("select count(*) from case_file");
    }

    private int audits() {
        return count("select count(*) from audit_event");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String contentType,
                                      String accept) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
