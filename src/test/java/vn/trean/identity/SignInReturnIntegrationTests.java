package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 11, item 3: signing in again after the session expired returns to the form the person was filling — the page
 * named by the sign-in link, not whatever a script or service worker requested meanwhile — and never to another site.
 */
class SignInReturnIntegrationTests extends ApiIntegrationTest {

    @Test
    void theSignInReturnsToThePageItWasAskedFrom() {
        var browser = CookieSession.signedOut();
        HttpResponse<String> page = browser.get(port, "/login?next=%2Ftasks%2Fabc%3Fx%3D1");
        assertThat(page.body()).contains("name=\"next\" value=\"/tasks/abc?x=1\"");

        HttpResponse<String> signedIn = browser.submitSignIn(port, "?next=%2Ftasks%2Fabc%3Fx%3D1", "officer", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/tasks/abc?x=1"));
    }

    @Test
    void aPageNamedWinsOverARequestTheBrowserMadeMeanwhile() {
        var browser = CookieSession.signedOut();
        assertThat(browser.fetch(port, "/tasks?page=2", "cors").statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = browser.submitSignIn(port, "?next=%2Fcases", "officer", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/cases"));
    }

    @Test
    void withoutANamedPageThePageLastOpenedIsRememberedNotAScriptsRequest() {
        var browser = CookieSession.signedOut();
        assertThat(browser.fetch(port, "/cases?q=an", "navigate").statusCode()).isEqualTo(302);
        // the page's script or service worker asks for something after the session ended: not remembered
        assertThat(browser.fetch(port, "/notifications", "cors").statusCode()).isEqualTo(302);
        assertThat(browser.fetch(port, "/api/notifications/unread", "cors").statusCode()).isEqualTo(401);

        HttpResponse<String> signedIn = browser.submitSignIn(port, "", "officer", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/cases?q=an"));
    }

    @Test
    void anotherSiteOrTheSignInItselfIsNeverAPlaceToReturnTo() {
        for (String elsewhere : new String[] {"%2F%2Fevil.example%2Fx", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example",
                "%2Flogin", "%2Flogout", "%2Fapi%2Fcases", "javascript%3Aalert(1)", "%2Fcases%0d%0aSet-Cookie%3Ax"}) {
            var browser = CookieSession.signedOut();
            assertThat(browser.get(port, "/login?next=" + elsewhere).body()).as(elsewhere).doesNotContain("name=\"next\"");
            HttpResponse<String> signedIn = browser.submitSignIn(port, "?next=" + elsewhere, "officer", PASSWORD);
            assertThat(signedIn.headers().firstValue("Location")).as(elsewhere)
                    .hasValueSatisfying(to -> assertThat(to).doesNotContain("evil").doesNotContain("login").doesNotContain("api"));
        }
    }

    @Test
    void aWrongPasswordKeepsThePageToReturnTo() {
        var browser = CookieSession.signedOut();
        HttpResponse<String> refused = browser.submitSignIn(port, "?next=%2Ftasks%2Fabc", "officer", "wrong password");
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error&next=%2Ftasks%2Fabc"));
    }
}
