package vn.trean;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The machinery of the authorization matrices: one readable table per area, a row per request, a column per
 * caller (anonymous and every role), sent against the cases, tasks and records the fixture creates. The tables
 * and what their placeholders stand for are in {@link AuthorizationMatrixTests} and
 * {@link AdministrationMatrixTests}.
 *
 * <p>Requests that would change something are sent so that an allowed caller is refused by a check
 * that comes after the authorization (an empty form, an unknown match reference), or change only test
 * data (a new report, a linked report, an uploaded document).
 */
public abstract class MatrixTest extends ApiIntegrationTest {

    static final List<String> CALLERS = List.of("anonymous", "hotline", "officer", "chairman", "police",
            "teacher", "health", "officer.ngocha", "supervisor", "owner", "admin", "admin.hanoi", "ctv.badinh");

    /** The table: a header line starting with #, then one row per request. */
    protected abstract String matrix();

    /*
     * Cells: the HTTP status. 302 = sent to the sign-in page (pages, webapps), or a page's answer to a form
     * post. 401 = the API's answer to anonymous callers. An anonymous form post has no CSRF token: 403.
     * 404 on a case = "hidden or missing", the same answer for both.
     * Body: - none; json = a JSON body suited to the request; form = an empty multipart form; file = a PDF.
     */

    @Test
    void everyCallerGetsExactlyTheAnswerTheMatrixGivesForEveryEndpoint() {
        Map<String, String> ids = fixture();
        List<String> mismatches = new ArrayList<>();
        for (String line : matrix().strip().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            String method = cells[0];
            String path = substitute(cells[1], ids);
            String body = cells[2];
            assertThat(cells).as("row %s has a cell per caller", cells[1]).hasSize(3 + CALLERS.size());
            for (int i = 0; i < CALLERS.size(); i++) {
                int expected = Integer.parseInt(cells[3 + i]);
                int actual = send(CALLERS.get(i), method, path, body);
                if (actual != expected) {
                    mismatches.add("%-6s %-52s %-15s expected %d, got %d".formatted(method, cells[1], CALLERS.get(i),
                            expected, actual));
                }
            }
        }
        assertThat(mismatches).as("cells that differ from the matrix").isEmpty();
    }

    /** Creates the cases, the task and the document the matrix names. */
    private Map<String, String> fixture() {
        UUID caseA = caseWithAPoliceMeasure();
        UUID caseB = fileReport(COMMUNE_B, Instant.now());
        String policeTask = taskOf("police", caseA, "implement_measure").get("taskId").asText();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var uploaded = multipart("officer", "/api/cases/" + caseA + "/documents", Map.of(), "file",
                Map.of("giám định.pdf", pdf));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String document;
        try {
            document = json.readTree(uploaded.body()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> ids = new HashMap<>();
        ids.put("A", caseA.toString());
        ids.put("B", caseB.toString());
        ids.put("T", policeTask);
        ids.put("D", document);
        ids.put("X", UUID.randomUUID().toString());
        ids.put("R", "case_intervention.bpmn");
        // the demo's hotline system (an integration account): an administrator may issue it a token
        // an agency and a user of Quảng Trị, which Hà Nội's province administrator may not know
        String quangTriAgency = as("admin").post("/api/admin/agencies", Map.of("kind", "PEOPLES_COMMITTEE",
                "name", "UBND phường Đồng Hới", "localityCode", "18880")).expect(201).body().get("id").asText();
        String quangTriUser = "matrix.qt." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new HashMap<>();
        user.put("username", quangTriUser);
        user.put("displayName", "Chủ tịch UBND phường Đồng Hới");
        user.put("role", "COMMUNE_CHAIRMAN");
        user.put("agencyId", quangTriAgency);
        as("admin").post("/api/admin/users", user).expect(201);
        ids.put("Q", quangTriAgency);
        ids.put("U", quangTriUser);
        ids.put("I", jdbc.sql("select id::text from integration_account where name = 'hotline-system'").query(String.class)
                .single());
        return ids;
    }

    private static String substitute(String path, Map<String, String> ids) {
        String result = path;
        for (var id : ids.entrySet()) {
            result = result.replace("{" + id.getKey() + "}", id.getValue());
        }
        return result;
    }

    private int send(String caller, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json, text/html;q=0.5");
        if (!"anonymous".equals(caller)) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((caller + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        switch (body) {
            case "json" -> request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBodyFor(path)));
            case "form", "file" -> {
                String boundary = "matrix" + UUID.randomUUID();
                String part = "file".equals(body)
                        ? "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.pdf\"\r\n"
                                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n"
                        : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nmatrix\r\n";
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofString(part + "--" + boundary + "--\r\n"));
            }
            default -> request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid report where the request files or links one; otherwise an empty object. */
    private String jsonBodyFor(String path) {
        try {
            if (path.equals("/api/reports") || path.equals("/api/reports/duplicates") || path.endsWith("/reports")) {
                return json.writeValueAsString(report(COMMUNE_A, Instant.now(), "Nguyễn Thị Hoà"));
            }
            if (path.equals("/api/reports/quick")) {
                return json.writeValueAsString(Map.of("whatHappened", "Ma trận quyền: trẻ bị bỏ mặc", "ageRange",
                        "AGE_6_TO_10", "place", "Tổ dân phố 3", "urgent", false, "learnedAt", Instant.now().toString()));
            }
            if (path.equals("/api/reports/links")) {
                return json.writeValueAsString(Map.of("matchRef", UUID.randomUUID().toString(),
                        "report", report(COMMUNE_A, Instant.now(), "Nguyễn Thị Hoà")));
            }
            return "{}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
