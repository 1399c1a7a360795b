package vn.trean.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same API calls signed in two ways: HTTP Basic as the {@code hotline} user (a BCrypt check per call
 * unless the app remembers the credentials) and {@code Authorization: Bearer} with an integration's API
 * token (a SHA-256 and one indexed lookup). Requests alternate one by one between the two, so that the
 * load of the machine weighs on both alike. {@code bench.remember-credentials-for} (default {@code 0s}: a
 * BCrypt check on every Basic call) sets {@code trean.security.sign-in.remember-credentials-for}; run with
 * {@code 2m} for the app's default. Figures go to the console and to {@code target/bench/api-tokens.md}.
 * Not a test: nothing is asserted about speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.root=WARN",
                "trean.security.sign-in.remember-credentials-for=${bench.remember-credentials-for:0s}"})
@ActiveProfiles("test")
class ApiTokenBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    private static final int WARM_UP = 20;
    private static final String PASSWORD = "TreAn@2026";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.core.env.Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void basicAgainstBearer() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("hotline:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + issueToken();
        String report = json.writeValueAsString(report());

        var results = new ArrayList<String>();
        results.add("| call | sign-in | calls | requests/s | median ms | p95 ms |");
        results.add("|---|---|---|---|---|---|");
        results.addAll(compare("POST /api/reports (files a case, starts its process)", "POST", "/api/reports", report,
                201, basic, bearer));
        results.addAll(compare("POST /api/reports/duplicates (validation and one query)", "POST", "/api/reports/duplicates",
                report, 200, basic, bearer));

        String text = String.join("\n", List.of(
                "# Basic vs Bearer, " + Instant.now(),
                "",
                ("%d calls each way after %d warm-up calls, one at a time over loopback, alternating Basic and Bearer. "
                        + "Basic credentials remembered for: %s.").formatted(REQUESTS, WARM_UP,
                        environment.getProperty("trean.security.sign-in.remember-credentials-for")),
                "",
                String.join("\n", results), ""));
        System.out.println(text);
        Path out = Path.of("target", "bench", "api-tokens.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private List<String> compare(String label, String method, String path, String body, int expected, String basic,
                                 String bearer) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            send(method, path, body, basic, expected);
            send(method, path, body, bearer, expected);
        }
        long[] basicNanos = new long[REQUESTS];
        long[] bearerNanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            basicNanos[i] = send(method, path, body, basic, expected);
            bearerNanos[i] = send(method, path, body, bearer, expected);
        }
        return List.of(row(label, "Basic", basicNanos), row(label, "Bearer", bearerNanos));
    }

    private long send(String method, String path, String body, String authorization, int expected) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return nanos;
    }

    private static String row(String label, String signIn, long[] nanos) {
        double seconds = Arrays.stream(nanos).sum() / 1e9;
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f |", label, signIn, nanos.length,
                nanos.length / seconds, nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6);
    }

    /** An integration account for the hotline and a token for it, created as the administrator would. */
    private String issueToken() throws Exception {
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String account = json.writeValueAsString(Map.of("name", "bench-" + UUID.randomUUID().toString().substring(0, 8),
                "role", "HOTLINE_OPERATOR", "agencyId", "hotline-111", "scopes", List.of("reports:file")));
        JsonNode created = json.readTree(post("/api/admin/integrations", account, admin));
        return json.readTree(post("/api/admin/integrations/" + created.get("id").asText() + "/tokens", "{}", admin))
                .get("token").asText();
    }

    private String post(String path, String body, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static Map<String, Object> report() {
        return Map.of("communeCode", "00004",
                "receivedAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(30).toString(),
                "channel", "PHONE", "category", "ABUSED", "abuseForms", List.of("VIOLENCE"),
                "child", Map.of("fullName", "Trẻ thử nghiệm", "estimatedAge", 9, "sex", "FEMALE"),
                "place", "Tổ 5, phường Ba Đình", "currentCondition", "Có vết bầm trên tay");
    }
}
