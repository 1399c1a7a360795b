package vn.trean.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 8, item 6: an installation without demo data gets its first administrator at start — from the
 * configured password, or with a one-time password written to the log once — never a known password.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIntegrationTests extends ApiIntegrationTest {

    @Autowired
    FirstAdministrator firstAdministrator;

    @BeforeEach
    void noAdministratorYet() {
        jdbc.sql("update app_user set enabled = false where role = 'ADMIN'").update();
    }

    @AfterEach
    void demoAdministratorBack() {
        jdbc.sql("update app_user set enabled = (username = 'admin') where role = 'ADMIN'").update();
    }

    @Test
    void withoutAConfiguredPasswordTheFirstAdministratorGetsAOneTimePasswordInTheLog(CapturedOutput output) {
        assertThat(firstAdministrator.ensure("first.admin", "")).isTrue();

        Matcher logged = Pattern.compile("created 'first\\.admin' with the one-time password (\\S+)").matcher(output.getOut());
        assertThat(logged.find()).as("the one-time password is in the log").isTrue();
        String password = logged.group(1);
        assertThat(password).hasSize(20).isNotEqualTo(PASSWORD);
        // a password that was in the log must be changed before anything else (issue 8, item 4)
        assertThat(statusOf("first.admin", password, "/api/models")).isEqualTo(403);
        assertThat(count("select count(*) from app_user where username = 'first.admin' and agency_id = 'system-administration'"
                + " and must_change_password")).isOne();
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverLogged(CapturedOutput output) {
        String password = "Quang-Tri-2026-bao-ve";
        assertThat(firstAdministrator.ensure("qt.admin", password)).isTrue();

        assertThat(output.getOut()).doesNotContain(password);
        assertThat(statusOf("qt.admin", password, "/api/models")).isEqualTo(200);
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStartAndCreatesNobody() {
        assertThatThrownBy(() -> firstAdministrator.ensure("weak.admin", "short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TREAN_ADMIN_PASSWORD");
        assertThatThrownBy(() -> firstAdministrator.ensure("weak.admin", "weak.admin-weak.admin"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("select count(*) from app_user where username = 'weak.admin'")).isZero();
    }

    @Test
    void nothingIsCreatedWhileAnAdministratorExists() {
        demoAdministratorBack();
        assertThat(firstAdministrator.ensure("second.admin", "")).isFalse();
        assertThat(count("select count(*) from app_user where username = 'second.admin'")).isZero();
    }

    private int statusOf(String user, String password, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Basic " + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                            .header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
