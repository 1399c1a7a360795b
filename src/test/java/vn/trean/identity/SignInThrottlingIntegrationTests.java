package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Wrong passwords slow down one (user name, client address) pair, never the user elsewhere; unknown
 * users get the wrong password's answer; one address gets a bounded number of password checks.
 * The test client is on 127.0.0.1, which the server trusts as a proxy (the default of
 * TREAN_TRUSTED_PROXIES), so X-Forwarded-For sets the client address the server counts against,
 * as a TLS proxy in front of the app would. Each test uses addresses of its own (TEST-NET-2).
 */
class SignInThrottlingIntegrationTests extends ApiIntegrationTest {

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheUserOutFromAnother() {
        String username = newUser();
        String stranger = address();
        for (int i = 0; i < 6; i++) {
            assertThat(basic(username, "wrong-" + i, stranger).statusCode()).isEqualTo(401);
        }
        // the stranger's address now waits: even the right password gets the wrong password's answer
        HttpResponse<String> waiting = basic(username, PASSWORD, stranger);
        assertThat(waiting.statusCode()).isEqualTo(401);
        assertThat(waiting.body()).isEqualTo(basic(username, "wrong-again", address()).body());

        assertThat(basic(username, PASSWORD, address()).statusCode()).isEqualTo(200);
        assertThat(basic("admin", PASSWORD, address()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        String from = address();
        HttpResponse<String> wrongPassword = basic("officer", "not-the-password", from);
        HttpResponse<String> unknownUser = basic("nobody." + UUID.randomUUID(), "not-the-password", from);

        assertThat(unknownUser.statusCode()).isEqualTo(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownUser.headers().allValues("WWW-Authenticate"))
                .isEqualTo(wrongPassword.headers().allValues("WWW-Authenticate"));
        JsonNode problem = parse(unknownUser.body());
        assertThat(problem.get("code").asText()).isEqualTo("sign-in-failed");
        assertThat(problem.get("title").asText()).isEqualTo("Đăng nhập không thành công");
    }

    @Test
    void theLoginFormAnswersAnUnknownUserLikeAWrongPassword() {
        String wrongPassword = formSignIn("officer", "not-the-password");
        String unknownUser = formSignIn("nobody." + UUID.randomUUID(), "not-the-password");
        assertThat(unknownUser).isEqualTo(wrongPassword).endsWith("/login?error");
    }

    @Test
    void anAddressThatSpendsItsAttemptsGets429WithRetryAfterWhileOtherAddressesSignIn() {
        String busy = address();
        // at once, as an attacker would: each attempt is counted when it arrives, before its password check
        var client = HttpClient.newHttpClient();
        List<HttpResponse<String>> answers = IntStream.rangeClosed(1, 45)
                .mapToObj(i -> client.sendAsync(basicRequest("guess." + i, "guess", busy), HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(answers).allMatch(a -> a.statusCode() == 401 || a.statusCode() == 429);
        // 20 per 10 s: at least that many get their answer, the rest wait
        assertThat(answers.size() - refused.size()).isBetween(20, 30);
        assertThat(refused).isNotEmpty().allSatisfy(answer -> {
            assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(parse(answer.body()).get("code").asText()).isEqualTo("sign-in-throttled");
        });
        assertThat(basic("officer", PASSWORD, address()).statusCode()).isEqualTo(200);
    }

    @Test
    void successfulSignInsDoNotSpendTheAddressesAttempts() {
        String office = address();
        for (int i = 0; i < 30; i++) {
            assertThat(basic(i % 2 == 0 ? "officer" : "chairman", PASSWORD, office).statusCode()).isEqualTo(200);
        }
    }

    /** A user of its own, so that its waits disturb no other test. */
    private String newUser() {
        String username = "throttle." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, email, role, agency_id)
                        select ?, password_hash, 'Người thử', null, role, agency_id from app_user where username = 'officer'""")
                .param(username).update();
        return username;
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS = new java.util.concurrent.atomic.AtomicInteger();

    /** A client address no other test uses. */
    private static String address() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private HttpResponse<String> basic(String username, String password, String clientAddress) {
        return send(basicRequest(username, password, clientAddress));
    }

    private HttpRequest basicRequest(String username, String password, String clientAddress) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", clientAddress)
                .header("Accept", "application/json").GET().build();
    }

    /** Signs in through the login form from a fresh address; returns where the answer redirects to. */
    private String formSignIn(String username, String password) {
        String from = address();
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", from).GET().build());
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String body = "username=" + username + "&password=" + password + "&_csrf=" + token.group(1);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", from).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
