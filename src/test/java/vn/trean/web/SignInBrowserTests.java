package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;

class SignInBrowserTests extends BrowserTest {

    @Autowired
    ServerProperties server;

    @Test
    void eachLoginLandsOnThePageOfItsWorkAsTheReadmeWalksThrough() {
        java.util.Map<String, String> landings = new java.util.LinkedHashMap<>();
        landings.put("hotline", "/reports/new");
        landings.put("officer", "/tasks");
        landings.put("supervisor", "/board");
        landings.put("owner", "/models");
        landings.put("admin", "/admin");
        landings.put("ctv.badinh", "/reports/mine");
        landings.forEach((login, page) -> {
            signIn(login);
            assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).as(login).isEqualTo(page);
            signOut();
        });
    }

    @Test
    void pagesSpeakVietnameseUntilEnglishIsChosenAndTheChoiceOutlastsSigningOut() {
        open("/login");
        assertThat(find(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(text(By.tagName("h1"))).isEqualTo("Đăng nhập");
        screenshot("login-vi");

        find(By.linkText("English")).click();
        waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Sign in"));
        signIn("officer");
        assertThat(text(By.tagName("h1"))).isEqualTo("My tasks");
        open("/cases/" + UUID.randomUUID());
        assertThat(text(By.tagName("h1"))).isEqualTo("Not found");
        signOut();
        assertThat(pageText()).contains("You have signed out.");
        assertThat(find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        find(By.linkText("Tiếng Việt")).click();
        waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Đăng nhập"));
        signIn("officer");
        assertThat(text(By.tagName("h1"))).isEqualTo("Việc của tôi");
    }

    @Test
    void apiCallsStillFollowTheirAcceptLanguageHeader() {
        var english = as("officer").inLanguage("en").get("/api/cases/" + UUID.randomUUID()).expect(404);
        assertThat(english.body().get("title").asText()).isEqualTo("Case not found");
        var vietnamese = as("officer").get("/api/cases/" + UUID.randomUUID()).expect(404);
        assertThat(vietnamese.body().get("title").asText()).isEqualTo("Không tìm thấy hồ sơ");
    }

    @Test
    void wrongPasswordsMakeOnlyThisAddressWaitAndTheAnswerNeverSaysLocked() {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong-" + i);
            assertThat(pageText()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        // this browser's address now waits: the right password gets the same answer, nothing says "locked"
        signIn(username, PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(pageText()).contains("Tên đăng nhập hoặc mật khẩu không đúng.").doesNotContain("khoá");
        screenshot("login-failed");
        // the same user at another address (through the trusted proxy) is not held up
        assertThat(basicAuthStatus(username, PASSWORD, "/api/tasks", "198.51.100.200")).isEqualTo(200);
    }

    @Test
    void aFewWrongPasswordsDoNotStopTheRightOne() {
        String username = newUser();
        signIn(username, "wrong");
        signIn(username, "wrong again");
        signIn(username);
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
    }

    @Test
    void aSignedInSessionExpiresAfterThirtyIdleMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    /** A user of its own, so that its waits disturb no other test. */
    private String newUser() {
        String username = "lockout." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, email, role, agency_id)
                        select ?, password_hash, 'Người thử khoá', null, role, agency_id from app_user where username = 'officer'""")
                .param(username).update();
        return username;
    }

    private int basicAuthStatus(String username, String password, String path, String clientAddress) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", clientAddress).build();
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
