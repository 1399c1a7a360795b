package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 11 item 5 in the browser, on a phone (360 px) and a desktop: the bell shows the officer's unread count on
 * every page; the notifications page lists the new task by case number and commune, not the child; clicking it lands
 * on the task, and the count drops by one.
 */
class NotificationsBrowserTests extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void theBellCountsANewTaskAndOpeningItLandsOnTheTaskAndTheCountDrops(String screen) {
        Dimension size = "phone".equals(screen) ? PHONE : DESKTOP;
        as("officer").post("/api/notifications/read-all", null).expect(200);
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = as("officer").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        int unread = as("officer").get("/api/notifications/unread").expect(200).body().get("unread").asInt();
        assertThat(unread).isPositive();

        signIn("officer");
        browser.manage().window().setSize(size);
        open("/tasks");
        assertThat(text(By.cssSelector("#bell .bell-count"))).isEqualTo(String.valueOf(unread));
        assertThat(find(By.id("bell")).getAttribute("aria-label")).contains(unread + " thông báo chưa đọc");
        assertThat(find(By.id("bell")).isDisplayed()).isTrue();
        open("/cases/" + caseId);
        assertThat(text(By.cssSelector("#bell .bell-count"))).as("on every page").isEqualTo(String.valueOf(unread));
        screenshot("notifications-bell-" + screen);
        open("/cases/" + UUID.randomUUID());
        assertThat(text(By.cssSelector("#bell .bell-count"))).as("on the not-found page too")
                .isEqualTo(String.valueOf(unread));

        find(By.id("bell")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/notifications"));
        var item = find(By.cssSelector("li.notice.unread[data-kind='NEW_TASK'][data-case-number='" + caseNumber + "']"));
        assertThat(item.getText()).contains("Công việc mới", caseNumber, "Ba Đình").doesNotContain("Nguyễn Thị Hoà");
        assertThat(pageText()).doesNotContain("Nguyễn Thị Hoà");
        assertThat(((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling").isLessThanOrEqualTo(size.getWidth());
        screenshot("notifications-list-" + screen);

        item.findElement(By.tagName("a")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/tasks/" + taskId));
        assertThat(pageText()).contains(caseNumber);
        if (unread == 1) {
            assertThat(all(By.cssSelector("#bell .bell-count"))).as("no unread left: no count").isEmpty();
        } else {
            assertThat(text(By.cssSelector("#bell .bell-count"))).isEqualTo(String.valueOf(unread - 1));
        }

        open("/notifications");
        assertThat(all(By.cssSelector("li.notice.unread[data-case-number='" + caseNumber + "']"))).isEmpty();
        signOut();
    }
}
