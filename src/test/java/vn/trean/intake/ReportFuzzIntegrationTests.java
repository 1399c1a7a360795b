package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 7, "tests and evidence": a bounded fuzz test with a fixed seed. Mutations of a valid report
 * (values of every type, huge strings, deep nesting, broken bytes, missing and extra fields) and of a
 * valid task form go to {@code POST /api/reports} and {@code POST /api/tasks/{id}/complete}: no answer
 * is a 5xx, and a 4xx writes nothing (no case row, no audit row, the task stays open). The requests go
 * through the real security filters and MVC with a signed-in user (MockMvc on the shared context), so
 * that thousands of bodies do not each pay for a password hash.
 */
class ReportFuzzIntegrationTests extends ApiIntegrationTest {

    private static final int REPORT_BODIES = Integer.getInteger("fuzz.reports", 1500);
    private static final int TASK_BODIES = Integer.getInteger("fuzz.tasks", 500);

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService userDetails;

    private final Random random = new Random(7);
    private MockMvc mvc;

    @BeforeEach
    void setUpMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void mutatedReportsNeverFailOnTheServerAndARefusedOneWritesNothing() throws Exception {
        int filed = 0;
        int refused = 0;
        for (int i = 0; i < REPORT_BODIES; i++) {
            byte[] body = mutatedReport();
            int casesBefore = count("select count(*) from case_file");
            int auditBefore = count("select count(*) from audit_event");
            MvcResult result = send("hotline", "/api/reports", body);
            int status = result.getResponse().getStatus();
            assertThat(status).as("body %d: %s -> %s", i, preview(body), result.getResponse().getContentAsString())
                    .isLessThan(500);
            if (status >= 400) {
                refused++;
                assertThat(count("select count(*) from case_file")).as("case rows after refused body %d", i)
                        .isEqualTo(casesBefore);
                assertThat(count("select count(*) from audit_event")).as("audit rows after refused body %d", i)
                        .isEqualTo(auditBefore);
            } else {
                filed++;
                assertThat(status).isEqualTo(201);
            }
        }
        assertThat(refused).as("most mutations are refused").isGreaterThan(REPORT_BODIES / 2);
        assertThat(filed).as("some mutations are still valid reports").isPositive();
    }

    @Test
    void mutatedTaskFormsNeverFailOnTheServerAndARefusedOneLeavesTheTaskOpen() throws Exception {
        int refused = 0;
        for (String step : List.of("verify_report", "draft_plan")) {
            String taskId = openTask(step);
            for (int i = 0; i < TASK_BODIES / 2; i++) {
                byte[] body = mutatedTaskForm(step);
                int auditBefore = count("select count(*) from audit_event");
                MvcResult result = send("officer", "/api/tasks/" + taskId + "/complete", body);
                int status = result.getResponse().getStatus();
                assertThat(status).as("%s body %d: %s -> %s", step, i, preview(body),
                        result.getResponse().getContentAsString()).isLessThan(500);
                if (status >= 400) {
                    refused++;
                    assertThat(count("select count(*) from act_ru_task where id_ = ?", taskId))
                            .as("the task stays open after refused %s body %d", step, i).isOne();
                    assertThat(count("select count(*) from audit_event")).as("audit rows after refused body %d", i)
                            .isEqualTo(auditBefore);
                } else {
                    taskId = openTask(step);
                }
            }
        }
        assertThat(refused).isGreaterThan(TASK_BODIES / 2);
    }

    /** A new case's open task at the step, reached through the API as the people who work it. */
    private String openTask(String step) {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        if ("draft_plan".equals(step)) {
            complete("officer", caseId, "verify_report", verification(false));
            complete("officer", caseId, "assess_needs", needsAssessment());
            complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        }
        return taskOf("officer", caseId, step).get("taskId").asText();
    }

    /** Mostly JSON both ways; sometimes a type the endpoint does not take or cannot answer with. */
    private MvcResult send(String username, String path, byte[] body) throws Exception {
        String contentType = random.nextInt(10) < 8 ? "application/json"
                : List.of("*/*", "text/plain", "application/xml", "application/json;charset=ISO-8859-1").get(random.nextInt(4));
        String accept = random.nextInt(10) < 7 ? "application/json"
                : List.of("*/*", "text/plain", "text/html", "application/xml", "text/csv").get(random.nextInt(5));
        return mvc.perform(post(path).with(user(userDetails.loadUserByUsername(username))).with(csrf())
                .header("Content-Type", contentType).header("Accept", accept).content(body)).andReturn();
    }


    // --- generating bodies ---------------------------------------------------------------------------

    private byte[] mutatedReport() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>(report(COMMUNE_A, Instant.now().minusSeconds(60), "Fuzz Thị Hoà"));
        @SuppressWarnings("unchecked")
        Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) report.get("child"));
        report.put("child", child);
        List<String> keys = List.of("communeCode", "receivedAt", "channel", "category", "abuseForms", "child", "place",
                "currentCondition", "likelyConsequence", "familySituation", "parents", "actionsTaken", "informant",
                "hotlineReference");
        List<String> childKeys = List.of("fullName", "dateOfBirth", "estimatedAge", "sex");
        for (int m = 0; m < mutationCount(); m++) {
            boolean inChild = random.nextInt(4) == 0;
            Map<String, Object> target = inChild ? child : report;
            List<String> names = inChild ? childKeys : keys;
            mutate(target, names);
        }
        return bytes(report);
    }

    private byte[] mutatedTaskForm(String step) throws Exception {
        if ("verify_report".equals(step)) {
            Map<String, Object> values = new LinkedHashMap<>(verification(random.nextBoolean()));
            List<String> keys = new ArrayList<>(values.keySet());
            for (int m = 0; m < mutationCount(); m++) {
                mutate(values, keys);
            }
            return bytes(values);
        }
        Map<String, Object> measure = new LinkedHashMap<>(Map.of("measureType", "psychological_therapy",
                "responsibleRole", "health", "description", "Trị liệu", "startDate", MEASURE_START,
                "endDate", MEASURE_END, "costEstimate", 5_000_000));
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("planSummary", "Trị liệu tâm lý",
                "measures", new ArrayList<>(List.of(measure))));
        for (int m = 0; m < mutationCount(); m++) {
            if (random.nextBoolean()) {
                mutate(measure, new ArrayList<>(measure.keySet()));
            } else {
                mutate(plan, List.of("planSummary", "measures"));
            }
        }
        return bytes(plan);
    }

    /** Mostly one change, so that a well-typed but poisonous value (a NUL byte, year -999999999) reaches the server's depths. */
    private int mutationCount() {
        return random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(2);
    }

    private void mutate(Map<String, Object> target, List<String> names) {
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(10)) {
            case 0 -> target.remove(name);
            case 1 -> target.put(randomKey(), randomValue(0));
            default -> target.put(name, randomValue(0));
        }
    }

    /** Serialised, and one time in four broken at the byte level afterwards. */
    private byte[] bytes(Map<String, Object> body) throws Exception {
        byte[] bytes = json.writeValueAsBytes(body);
        if (random.nextInt(4) != 0) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return switch (random.nextInt(7)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> insert(bytes, new byte[] {(byte) random.nextInt(256)});
            case 2 -> insert(bytes, randomBytes(1 + random.nextInt(20)));
            case 3 -> (text + random.nextInt()).getBytes(StandardCharsets.UTF_8);
            case 4 -> text.replaceFirst("\\{", "{\"place\":\"x\",\"place\":\"y\",").getBytes(StandardCharsets.UTF_8);
            case 5 -> random.nextBoolean() ? text.replace("\"", random.nextBoolean() ? "'" : "").getBytes(StandardCharsets.UTF_8)
                    // half of a surrogate pair, which Java cannot write on its own
                    : text.replaceFirst("Fuzz", "\\\\ud800Fuzz").getBytes(StandardCharsets.UTF_8);
            default -> ("[".repeat(random.nextInt(2000)) + text).getBytes(StandardCharsets.UTF_8);
        };
    }

    private Object randomValue(int depth) {
        return switch (random.nextInt(24)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> new BigInteger(20 + random.nextInt(200), random);
            case 4 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40));
            case 5 -> random.nextBoolean() ? Double.MAX_VALUE : -0.0;
            case 6 -> random.nextBoolean();
            case 7 -> "";
            case 8 -> randomText(1 + random.nextInt(40));
            case 9 -> random.nextInt(50) == 0 ? "x".repeat(1_000_000 + random.nextInt(4_000_000)) : randomText(5000);
            case 10 -> "A\u0000B" + randomText(3);
            case 11 -> depth > 3 ? null : randomList(depth);
            case 12 -> depth > 3 ? null : randomMap(depth);
            case 13 -> nested(1 + random.nextInt(900));
            case 14 -> List.of("-999999999-01-01T00:00:00Z", "0001-01-01", "2026-02-30", "+10000-01-01T00:00:00Z",
                    "2026-11-25T08:30:00+07:00", "2015-06-01", "1970-01-01T00:00:00Z").get(random.nextInt(7));
            case 15 -> List.of("ABUSED", "MALE", "FEMALE", "PHONE", "00004", "99999", "yes", "no", "high", "low",
                    "VIOLENCE", "AT_RISK").get(random.nextInt(12));
            case 16 -> random.nextBoolean() ? random.nextInt(30) - 5 : List.of(1e15, new BigInteger("18446744073709551616"),
                    1.5, -1, 0).get(random.nextInt(5));
            case 17 -> List.of("VIOLENCE", "VIOLENCE");
            case 18 -> Map.of("name", randomText(10), "phone", randomText(5));
            case 19 -> List.of(Map.of("fullName", randomText(8)), Map.of("relation", 1));
            case 20, 21 -> "Tổ " + (char) random.nextInt(0x20) + " phố";
            default -> List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z")
                    .get(random.nextInt(3));
        };
    }

    private List<Object> randomList(int depth) {
        int size = random.nextInt(20) == 0 ? 200 + random.nextInt(2000) : random.nextInt(5);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(randomValue(depth + 1));
        }
        return list;
    }

    private Map<String, Object> randomMap(int depth) {
        int size = random.nextInt(20) == 0 ? 1000 + random.nextInt(50_000) : random.nextInt(5);
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(randomKey(), size > 100 ? i : randomValue(depth + 1));
        }
        return map;
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private String randomKey() {
        return random.nextInt(10) == 0 ? "" : "k" + randomText(1 + random.nextInt(12));
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind == 1) {
                text.append("\uD83D\uDE00");
            } else {
                text.append((char) (kind == 0 ? random.nextInt(0x20) : kind < 5 ? 'a' + random.nextInt(26)
                        : kind < 8 ? 0x00C0 + random.nextInt(0x1E00) : ' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] insert(byte[] bytes, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
    }
}
