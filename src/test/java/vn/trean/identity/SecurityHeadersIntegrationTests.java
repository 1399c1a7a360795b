package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** Headers every answer carries, the answers behind a TLS proxy, and who may open the API docs and the report form. */
class SecurityHeadersIntegrationTests extends ApiIntegrationTest {

    @Test
    void pagesAndApiAnswersForbidInlineScriptAndSendNoReferrerAndNoDeviceAccess() {
        for (HttpHeaders headers : new HttpHeaders[] {send("/login", null).headers(), send("/tasks", "officer").headers(),
                send("/api/tasks", "officer").headers()}) {
            String policy = headers.firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
            assertThat(policy.substring(policy.indexOf("script-src"))).doesNotStartWith("script-src 'self' 'unsafe-inline'");
            assertThat(policy).doesNotContain("unsafe-eval");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy").orElseThrow())
                    .contains("camera=()", "microphone=()", "geolocation=()");
        }
    }

    @Test
    void theCamundaWebappsKeepTheirOwnContentSecurityPolicy() {
        var cockpit = send("/camunda/app/cockpit/default/", "admin");
        assertThat(cockpit.headers().allValues("Content-Security-Policy")).noneMatch(p -> p.contains("connect-src 'self'"));
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndRedirectsGoToHttps() throws Exception {
        var login = send(HttpRequest.newBuilder(url("/login")).header("X-Forwarded-Proto", "https").GET().build());
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION=") && c.contains("Secure"));

        var redirect = send(HttpRequest.newBuilder(url("/tasks")).header("Accept", "text/html").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "trean.example.vn").GET().build());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith("https://trean.example.vn/login");
    }

    @Test
    void withoutAProxySayingHttpsTheCookieIsNotMarkedSecure() {
        var login = send("/login", null);
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION="))
                .noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void theApiDocumentationIsOnlyForSignedInUsers() {
        assertThat(send("/v3/api-docs", null).statusCode()).isIn(401, 302);
        assertThat(send("/swagger-ui/index.html", null).statusCode()).isIn(401, 302);
        assertThat(send("/v3/api-docs", "officer").statusCode()).isEqualTo(200);
    }

    @Test
    void theReportFormIsOnlyForRolesThatReceiveReports() {
        // every receiving point files (Decree 56, art. 25): schools and the province department too
        assertThat(send("/reports/new", "teacher").statusCode()).isEqualTo(200);
        assertThat(send("/reports/new", "supervisor").statusCode()).isEqualTo(200);
        assertThat(send("/reports/new", "owner").statusCode()).isEqualTo(403);
        assertThat(send("/reports/new", "admin").statusCode()).isEqualTo(403);
        assertThat(send("/reports/new", "hotline").statusCode()).isEqualTo(200);
        assertThat(send("/reports/new", "police").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String path, String user) {
        var request = HttpRequest.newBuilder(url(path)).header("Accept", "text/html,application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
