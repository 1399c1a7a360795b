package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the app without a browser: signs in through the login form (with the form's CSRF
 * token) and then sends only the session cookie, as a page's script or a forged cross-site request would. Public
 * for the tests of other modules' page forms.
 */
public final class CookieSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("SESSION=([^;]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private String cookie;

    /** Signs in on the node at {@code port} through GET /login and POST /login. */
    public static CookieSession signIn(int port, String username, String password) {
        var session = new CookieSession();
        HttpResponse<String> form = session.send(HttpRequest.newBuilder(url(port, "/login")).GET());
        Matcher token = FORM_TOKEN.matcher(form.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String body = form(Map.of("username", username, "password", password, "_csrf", token.group(1)));
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(url(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return session;
    }

    /** A new browser, signed out: nothing sent yet. */
    static CookieSession signedOut() {
        return new CookieSession();
    }

    /**
     * GET {@code /login<query>} and POST its form with the form's CSRF token, the credentials and any {@code extra}
     * fields the page holds; the sign-in's answer (a redirect).
     */
    HttpResponse<String> submitSignIn(int port, String query, String username, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url(port, "/login" + query)).GET());
        Matcher token = FORM_TOKEN.matcher(page.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        var fields = new java.util.LinkedHashMap<>(Map.of("username", username, "password", password, "_csrf", token.group(1)));
        Matcher next = Pattern.compile("name=\"next\" value=\"([^\"]+)\"").matcher(page.body());
        if (next.find()) {
            fields.put("next", next.group(1).replace("&amp;", "&"));
        }
        return send(HttpRequest.newBuilder(url(port, "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** A GET as a browser sends it: {@code fetchMode} "navigate" for a page opened, "cors" for a script's request. */
    HttpResponse<String> fetch(int port, String path, String fetchMode) {
        return send(HttpRequest.newBuilder(url(port, path)).header("Sec-Fetch-Mode", fetchMode)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    /** The same session cookie, for another node. */
    String cookie() {
        return cookie;
    }

    public HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(url(port, path)).header("Accept", "application/json, text/html").GET());
    }

    /** The CSRF token a page hands its scripts (meta tag of the layout). */
    public String pageToken(int port, String page) {
        Matcher token = META_TOKEN.matcher(get(port, page).body());
        assertThat(token.find()).as("page %s carries the CSRF meta tag", page).isTrue();
        return token.group(1);
    }

    HttpResponse<String> postJson(int port, String path, String json, String csrfToken) {
        var request = HttpRequest.newBuilder(url(port, path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        return send(request);
    }

    /** A page's form post (urlencoded), its CSRF token among the fields. */
    public HttpResponse<String> postForm(int port, String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(url(port, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    HttpResponse<String> postFile(int port, String path, String filename, byte[] content, String csrfToken) {
        String boundary = "----trean" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(url(port, path)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", "SESSION=" + cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher).filter(Matcher::find)
                    .findFirst().ifPresent(m -> cookie = m.group(1));
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI url(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
