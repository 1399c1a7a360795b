package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 11, item 4: the officer's task pages work without a connection once loaded. The connection is cut and
 * restored with Chromium's network emulation (DevTools protocol).
 */
class OfflineTasksBrowserTests extends TaskFormBrowserTest {

    @AfterEach
    void backOnline() {
        connection(true);
    }

    @Test
    void aFormFilledOfflineIsMarkedNotSentAndSentWhenTheConnectionReturns() {
        UUID caseId = newCase();
        String task = verifyTask(caseId);
        signIn("officer");
        open("/tasks?caseId=" + caseId);
        // the worker installs with the first page; a page loaded once it is active goes through it
        waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistration(location.href).then(r => done(!!(r && r.active)), () => done(false));""")));
        open("/tasks?caseId=" + caseId);
        waitFor(d -> Boolean.TRUE.equals(script("return !!navigator.serviceWorker.controller")));
        openForm(task);
        waitFor(d -> kept("/tasks/" + task));

        submitOffline(task, "Điền khi mất sóng ở thôn 3");
        assertThat(text(By.cssSelector("#outbox [data-task='" + task + "']"))).contains("chưa gửi");
        assertThat(hasTask("officer", caseId, "verify_report")).as("nothing sent yet").isTrue();

        // the page reopens from the device while still offline, with the form marked as not sent
        openForm(task);
        assertThat(text(By.cssSelector("#outbox [data-task='" + task + "']"))).contains("chưa gửi");

        connection(true);
        // sent once, or sent again after an answer that never arrived: either way the same submission, never a conflict
        waitForEntry(task, "sent");
        assertThat(text(By.id("outbox"))).contains("Đã gửi biểu mẫu điền khi mất kết nối");
        assertThat(count("select count(*) from step_record where task_id = ? and data::text like '%Điền khi mất sóng ở thôn 3%'",
                task)).as("the values typed offline were recorded").isEqualTo(1);
        assertThat(hasTask("officer", caseId, "verify_report")).as("completed").isFalse();
    }

    @Test
    void aTaskCompletedMeanwhileIsShownAsAConflictAndNotOverwritten() {
        UUID caseId = newCase();
        String task = verifyTask(caseId);
        signIn("officer");
        openForm(task);
        submitOffline(task, "Bản điền khi mất sóng");
        // meanwhile the task is completed from another device
        complete("officer", caseId, "verify_report", verification(false));

        connection(true);
        waitForEntry(task, "conflict");
        assertThat(text(By.cssSelector("#outbox [data-task='" + task + "']")))
                .contains("công việc đã được hoàn thành hoặc chuyển cho nơi khác");
        assertThat(count("select count(*) from step_record where task_id = ? and data::text like '%Bản điền khi mất sóng%'", task)).as("the offline values were not recorded").isZero();

        // signing out would delete the form kept on the device: the person is asked first
        find(By.cssSelector("header form[action$='/logout'] button")).click();
        var question = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("Còn 1 biểu mẫu").contains("Vẫn đăng xuất?");
        question.dismiss();
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        assertThat(text(By.cssSelector("#outbox [data-task='" + task + "']"))).as("still kept").isNotBlank();

        find(By.cssSelector("header form[action$='/logout'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        assertThat(script("return Object.keys(localStorage).filter(k => k.startsWith('trean.outbox.')).length"))
                .as("nothing left on the device").isEqualTo(0L);
    }

    @Test
    void rolesThatSeeLessKeepNothingOnTheDevice() {
        signIn("police");
        open("/tasks");
        waitFor(d -> Boolean.TRUE.equals(script("return document.readyState === 'complete'")));
        assertThat(find(By.id("offline-config")).getAttribute("data-enabled")).isEqualTo("false");
        Object keptPages = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[0]; caches.keys().then(k => done(k.filter(n => n.startsWith('trean-pages-')).length))");
        assertThat(((Number) keptPages).intValue()).isZero();
    }

    /** Cuts the connection, fills in the form and submits it: it waits in the outbox. */
    private void submitOffline(String task, String harm) {
        connection(false);
        fillVerification(harm);
        find(By.id("task-form-submit")).click();
        waitForEntry(task, "pending");
    }

    private void waitForEntry(String task, String state) {
        try {
            // the outbox tries again every 5 s while a form waits: a try that raced the connection's return is
            // followed by another, so this waits for more than one round on a loaded machine
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(40))
                    .until(d -> !d.findElements(By.cssSelector("#outbox [data-task='" + task + "'][data-state=" + state
                            + "]")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + state + " entry; the outbox shows: " + text(By.id("outbox")) + "; online: "
                    + script("return navigator.onLine") + "; stored: " + script("return JSON.stringify(localStorage)"), e);
        }
    }

    private boolean kept(String path) {
        Object found = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                caches.keys().then(names => Promise.all(names.filter(n => n.startsWith('trean-pages-'))
                    .map(n => caches.open(n).then(c => c.match(location.origin + arguments[0])))))
                  .then(found => done(found.some(Boolean)), () => done(false));""", path);
        return Boolean.TRUE.equals(found);
    }

    private static void connection(boolean online) {
        var chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
