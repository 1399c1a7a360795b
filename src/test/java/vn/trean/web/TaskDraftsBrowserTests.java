package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Issue 11, item 3: what a person types into a task's form survives a reload and an expired session. */
class TaskDraftsBrowserTests extends TaskFormBrowserTest {

    @Test
    void whatWasTypedIsRestoredWhenThePersonComesBack() {
        String task = verifyTask(newCase());
        signIn("officer");
        openForm(task);
        fillVerification("Nhiều vết bầm ở tay");
        // saved on the server too once they pause, for another device
        waitFor(d -> count("select count(*) from task_draft where task_id = ? and username = 'officer'"
                + " and draft_values like '%Nhiều vết bầm ở tay%'", task) == 1);

        openForm(task);
        assertThat(find(HARM).getAttribute("value")).isEqualTo("Nhiều vết bầm ở tay");
        assertThat(text(By.cssSelector("[id$='-Field_verify_riskLevel-display']"))).isEqualTo("Cao");
        assertThat(find(By.cssSelector("[id$='-Field_verify_abuseConfirmed-0']")).isSelected()).isTrue();
        assertThat(text(By.id("draft-restored"))).isEqualTo("Đã khôi phục nội dung bạn nhập dở.");

        // from the server alone, as on another device
        script("Object.keys(localStorage).filter(k => k.startsWith('trean.draft.')).forEach(k => localStorage.removeItem(k))");
        openForm(task);
        assertThat(find(HARM).getAttribute("value")).isEqualTo("Nhiều vết bầm ở tay");
    }

    @Test
    void submittingAfterTheSessionExpiredSaysSoAndSigningInReturnsToTheFormWithItsValues() {
        UUID caseId = newCase();
        String task = verifyTask(caseId);
        signIn("officer");
        openForm(task);
        fillVerification("Trẻ sợ về nhà, hàng xóm nghe tiếng la");

        // the session ends on the server, as after half an hour idle
        assertThat(jdbc.sql("delete from spring_session where session_id = ?").param(sessionId()).update()).isOne();
        find(By.id("task-form-submit")).click();

        waitFor(d -> d.findElement(By.id("task-form-alert")).getText().contains("Phiên làm việc đã hết hạn"));
        find(By.id("sign-in-again")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.getCurrentUrl()).contains("next=%2Ftasks%2F" + task);
        find(By.id("username")).sendKeys("officer");
        find(By.id("password")).sendKeys(PASSWORD);
        find(By.cssSelector("form button[type=submit].primary")).click();

        // back on the very form (the link names it: a request the page made in the background meanwhile does not
        // decide where the sign-in lands), with the values typed before the session ended
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.getCurrentUrl()).endsWith("/tasks/" + task);
        waitForForm();
        assertThat(find(HARM).getAttribute("value")).isEqualTo("Trẻ sợ về nhà, hàng xóm nghe tiếng la");
        assertThat(text(By.cssSelector("[id$='-Field_verify_riskLevel-display']"))).isEqualTo("Cao");
        find(By.id("task-form-submit")).click();
        waitFor(d -> d.getCurrentUrl().contains("/tasks?done"));
        assertThat(hasTask("officer", caseId, "verify_report")).isFalse();
        assertThat(localDraftHolds("Trẻ sợ về nhà")).as("the sent draft is gone from the device").isFalse();
    }

    @Test
    void aMinuteBeforeTheSessionEndsThePageOffersToKeepItSignedIn() {
        String task = verifyTask(newCase());
        signIn("officer");
        String session = sessionId();
        // a session that ends 65 s after the page loads: the warning comes 5 s in
        jdbc.sql("update spring_session set max_inactive_interval = 65 where session_id = ?").param(session).update();
        openForm(task);
        waitFor(d -> !d.findElements(By.id("session-warning")).isEmpty());
        assertThat(text(By.id("session-warning"))).contains("Phiên làm việc sẽ hết hạn sau 1 phút").contains("Giữ đăng nhập");
        long before = lastAccess(session);

        find(By.id("session-keep")).click();
        waitFor(d -> d.findElements(By.id("session-warning")).isEmpty());
        assertThat(lastAccess(session)).as("the session was touched").isGreaterThan(before);
    }

    @Test
    void signingOutLeavesNoDraftOnTheDevice() {
        String task = verifyTask(newCase());
        signIn("officer");
        openForm(task);
        fillVerification("Không để lại cho người sau");
        signOut();
        assertThat(localDraftHolds("Không để lại")).isFalse();
    }

    private String sessionId() {
        return new String(Base64.getDecoder().decode(browser.manage().getCookieNamed("SESSION").getValue()),
                StandardCharsets.UTF_8);
    }

    private long lastAccess(String session) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(session)
                .query(Long.class).single();
    }
}
