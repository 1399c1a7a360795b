package vn.trean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Integration tests through the HTTP API, on the embedded PostgreSQL, with the real engine, security
 * and listeners. One Spring context serves every subclass; tests therefore never assume empty tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

    protected static final String PASSWORD = "TreAn@2026";
    protected static final String COMMUNE_A = "00004";
    protected static final String COMMUNE_B = "00008";
    /** A plan measure's dates that stay valid whenever the suite runs: after a report received today. */
    protected static final String MEASURE_START = today().plusDays(1).toString();
    protected static final String MEASURE_END = today().plusDays(30).toString();

    @LocalServerPort
    protected int port;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    protected org.camunda.bpm.engine.RepositoryService repositoryService;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    /** An HTTP response: status and body as JSON (or null). */
    public record Response(int status, JsonNode body, HttpHeaders headers) {
        public Response expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", body).isEqualTo(expected);
            return this;
        }
    }

    protected Api as(String username) {
        return new Api(username, null, Map.of());
    }

    protected Api anonymous() {
        return new Api(null, null, Map.of());
    }

    /** Someone who signs in with a password of their own: a user a test created, who replaced the one-time password. */
    protected Api withPassword(String username, String password) {
        return anonymous().withHeader(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    protected final class Api {
        private final String username;
        private final String language;
        private final Map<String, String> headers;

        Api(String username, String language, Map<String, String> headers) {
            this.username = username;
            this.language = language;
            this.headers = headers;
        }

        public Api inLanguage(String acceptLanguage) {
            return new Api(username, acceptLanguage, headers);
        }

        /** The same caller, sending one more request header. */
        public Api withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Api(username, language, Map.copyOf(more));
        }

        public Response put(String path, Object body) {
            return exchange("PUT", path, body);
        }

        public Response delete(String path) {
            return exchange("DELETE", path, null);
        }

        public Response get(String path) {
            return exchange("GET", path, null);
        }

        public Response post(String path, Object body) {
            return exchange("POST", path, body);
        }

        public Response postRaw(String path, String rawJson) {
            return exchange("POST", path, rawJson);
        }

        private Response exchange(String method, String path, Object body) {
            RestClient client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                    .baseUrl("http://localhost:" + port).build();
            var request = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                    .headers(h -> {
                        if (username != null) {
                            h.setBasicAuth(username, PASSWORD);
                        }
                        if (language != null) {
                            h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                        }
                        h.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
                        headers.forEach(h::set);
                    });
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON)
                        .body(body instanceof String s ? s : toJson(body));
            }
            return request.exchange((req, res) -> {
                byte[] bytes = res.getBody().readAllBytes();
                JsonNode node = bytes.length == 0 ? null : parse(bytes);
                HttpStatusCode status = res.getStatusCode();
                return new Response(status.value(), node, res.getHeaders());
            });
        }
    }

    /**
     * A multipart POST as {@code user}: the text fields, then each file in a part named {@code fileField},
     * or named after the file when {@code fileField} is null (as the engine REST API expects).
     */
    protected java.net.http.HttpResponse<String> multipart(String user, String path, Map<String, String> fields,
                                                          String fileField, Map<String, byte[]> files) {
        String boundary = "----trean" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        files.forEach((file, content) -> {
            String part = fileField == null ? file : fileField;
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(utf8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        String auth = java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(utf8));
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Basic " + auth).header("Accept", "application/json")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page as {@code username}'s browser gets it: HTML, in Vietnamese; anything but 200 fails the test. */
    protected String html(String username, String path) {
        return pageAs(username, path);
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (java.io.IOException notJson) {
            return json.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // --- driving cases through the API ----------------------------------------------------------

    protected Map<String, Object> report(String communeCode, Instant receivedAt, String childName) {
        Map<String, Object> child = new HashMap<>();
        child.put("fullName", childName);
        child.put("estimatedAge", 9);
        child.put("sex", "FEMALE");
        Map<String, Object> report = new HashMap<>();
        report.put("communeCode", communeCode);
        report.put("receivedAt", receivedAt.toString());
        report.put("channel", "PHONE");
        report.put("category", "ABUSED");
        report.put("abuseForms", java.util.List.of("VIOLENCE"));
        report.put("child", child);
        report.put("place", "Tổ 5");
        report.put("currentCondition", "Có vết bầm trên tay");
        return report;
    }

    /** Files a report as the hotline and returns the new case's id. */
    protected UUID fileReport(String communeCode, Instant receivedAt) {
        Response response = as("hotline").post("/api/reports", report(communeCode, receivedAt, "Nguyễn Thị Hoà"))
                .expect(201);
        return UUID.fromString(response.body().get("id").asText());
    }

    /** The open task of a case at the given step, as {@code username} sees it in their task list. */
    protected JsonNode taskOf(String username, UUID caseId, String stepKey) {
        JsonNode tasks = as(username).get("/api/tasks?caseId=" + caseId).expect(200).body();
        for (JsonNode task : tasks) {
            if (task.get("caseId").asText().equals(caseId.toString()) && task.get("stepKey").asText().equals(stepKey)) {
                return task;
            }
        }
        throw new AssertionError(username + " has no " + stepKey + " task for case " + caseId + "; tasks: " + tasks);
    }

    protected boolean hasTask(String username, UUID caseId, String stepKey) {
        for (JsonNode task : as(username).get("/api/tasks?caseId=" + caseId).expect(200).body()) {
            if (task.get("caseId").asText().equals(caseId.toString()) && task.get("stepKey").asText().equals(stepKey)) {
                return true;
            }
        }
        return false;
    }

    protected void complete(String username, UUID caseId, String stepKey, Map<String, Object> values) {
        String taskId = taskOf(username, caseId, stepKey).get("taskId").asText();
        as(username).post("/api/tasks/" + taskId + "/complete", values).expect(204);
    }

    protected static Map<String, Object> verification(boolean emergency) {
        Map<String, Object> values = new HashMap<>();
        values.put("abuseConfirmed", "yes");
        values.put("riskLevel", emergency ? "high" : "low");
        values.put("initialHarmAssessment", "Vết bầm nhẹ");
        values.put("seriousHarm", emergency);
        values.put("perpetratorIsCarer", false);
        values.put("officerDeclaresEmergency", false);
        return values;
    }

    protected static Map<String, Object> needsAssessment() {
        return Map.of("physicalState", "Ổn định", "psychologicalState", "Lo âu", "familyCapacity", "Hạn chế",
                "riskFactors", "Cha nghiện rượu", "needs", java.util.List.of("psychological"), "childViews", "Muốn ở với bà");
    }

    protected static Map<String, Object> caseMeeting(String protectionLevel) {
        Map<String, Object> values = new HashMap<>();
        // a meeting cannot be held before the report nor in the future: the day the test runs
        values.put("meetingDate", today().toString());
        values.put("attendees", "Chủ tịch UBND, cán bộ BVTE, công an, đại diện tổ dân phố");
        values.put("minutes", "Thống nhất cấp độ bảo vệ");
        values.put("protectionLevel", protectionLevel);
        if ("prevention".equals(protectionLevel)) {
            values.put("closureReason", "Không còn nguy cơ");
        }
        return values;
    }

    /**
     * The day the test runs, in Vietnam: what a step records cannot lie before the case's receipt (now,
     * in most tests) nor, unless it plans ahead, in the future.
     */
    protected static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /**
     * A case of commune A whose plan gives the police (of Ba Đình) a measure: the police then need to
     * know it, and see it cut to their part. Health and education have no task in it.
     */
    protected UUID caseWithAPoliceMeasure() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        planAPoliceMeasure(caseId);
        return caseId;
    }

    /** Runs a fresh case of commune A up to an approved plan with one measure for the police. */
    protected void planAPoliceMeasure(UUID caseId) {
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        complete("officer", caseId, "draft_plan", Map.of("planSummary", "Theo dõi an toàn", "measures",
                java.util.List.of(Map.of("measureType", "safety_monitoring", "responsibleRole", "police",
                        "description", "Theo dõi", "startDate", today().toString(), "endDate", today().plusDays(30).toString()))));
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes"));
    }

    /** Moves the engine clock and runs every job due by then, as the job executor would. */
    protected void moveClockAndRunDueJobs(Instant to) {
        ClockUtil.setCurrentTime(Date.from(to));
        for (Job job : management.createJobQuery().duedateLowerThan(Date.from(to.plusSeconds(1))).list()) {
            management.executeJob(job.getId());
        }
    }

    /** Runs the jobs of engine batches (seed, migration, monitor) due now, as the job executor would. */
    protected void runBatchJobs() {
        for (int round = 0; round < 10; round++) {
            java.util.List<Job> batchJobs = management.createJobQuery().executable().list().stream()
                    .filter(j -> j.getProcessInstanceId() == null)
                    .filter(j -> j.getDuedate() == null || !j.getDuedate().after(new Date())).toList();
            if (batchJobs.isEmpty()) {
                return;
            }
            batchJobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** The process instance of a case. */
    protected String instanceOf(UUID caseId) {
        return jdbc.sql("select process_instance_id from case_file where id = ?").param(caseId).query(String.class)
                .single();
    }

    /** The process definition (version) a case runs on. */
    protected String definitionOf(UUID caseId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instanceOf(caseId)).singleResult()
                .getProcessDefinitionId();
    }

    /** The latest version number of the case process. */
    protected int latestCaseProcessVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("case_intervention").latestVersion()
                .singleResult().getVersion();
    }

    protected int count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object p : params) {
            statement = statement.param(p);
        }
        return statement.query(Integer.class).single();
    }

    /**
     * A page (HTML) as {@code user}'s browser gets it through HTTP Basic, in Vietnamese unless the path asks
     * otherwise ({@code ?lang=en}); anything but 200 fails the test.
     */
    protected String pageAs(String user, String path) {
        return pageAs(user, path, null);
    }

    /**
     * As {@link #pageAs(String, String)}; with a {@code form}, posted as a browser posts it, following the redirect
     * that answers it (the session cookie carries a flash message over to the page that shows it).
     */
    protected String pageAs(String user, String path, Map<String, String> form) {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "text/html");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                                    java.nio.charset.StandardCharsets.UTF_8))
                            .collect(java.util.stream.Collectors.joining("&"))));
        }
        try {
            var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                    .cookieHandler(new java.net.CookieManager()).build();
            var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The kinds of the notifications {@code caller}'s agency has about a case, newest first. */
    protected java.util.List<String> notificationKinds(Api caller, UUID caseId) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        for (JsonNode n : caller.get("/api/notifications").expect(200).body()) {
            if (n.get("caseId").asText().equals(caseId.toString())) {
                kinds.add(n.get("kind").asText());
            }
        }
        return kinds;
    }

    /** The entry {@code stepKey} of a case's timeline as {@code reader} sees it; fails when there is none. */
    protected JsonNode timelineEntry(Api reader, UUID caseId, String stepKey) {
        for (JsonNode step : reader.get("/api/cases/" + caseId).expect(200).body().get("steps")) {
            if (step.get("stepKey").asText().equals(stepKey)) {
                return step;
            }
        }
        throw new AssertionError("no " + stepKey + " in the timeline of " + caseId);
    }
}
