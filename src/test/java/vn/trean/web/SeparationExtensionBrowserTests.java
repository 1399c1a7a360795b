package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Issue 9 item 6 through the case page: while a separation decided later in the case is monitored, the chairman
 * records an extension within the 15 days from the decision and sees it in the timeline; a day beyond them is
 * refused beside the field and nothing is recorded. On a phone and a desktop.
 */
class SeparationExtensionBrowserTests extends BrowserTest {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String REASON = "Gia đình chưa bảo đảm an toàn cho trẻ";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void chairmanExtendsTheSeparationWithinTheFifteenDaysAndSeesItInTheTimeline(String screen) {
        Dimension size = "phone".equals(screen) ? PHONE : DESKTOP;
        UUID caseId = monitoredSeparation();
        String lastDay = today().plusDays(15).format(DAY_FIRST);

        signIn("chairman");
        browser.manage().window().setSize(size);
        open("/cases/" + caseId);
        WebElement form = find(By.id("separation-extension"));
        assertThat(form.getText()).contains("Gia hạn tách trẻ").contains(lastDay);

        extend(today().plusDays(16), REASON);

        waitFor(d -> !d.findElements(By.id("extendedUntil-error")).isEmpty());
        assertThat(text(By.id("extendedUntil-error"))).contains("Không được quá 15 ngày");
        assertThat(find(By.id("extendedUntil")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find(By.id("extendedUntil")).getAttribute("value")).isEqualTo(today().plusDays(16).format(DAY_FIRST));
        assertThat(find(By.id("extension-reason")).getAttribute("value")).isEqualTo(REASON);
        assertThat(all(By.cssSelector("li[data-step='separation_extended']"))).as("nothing recorded").isEmpty();
        assertThat(extensionsOf(caseId)).isZero();
        screenshot("separation-extension-refused-" + screen);

        String until = today().plusDays(12).format(DAY_FIRST);
        extend(today().plusDays(12), REASON);

        waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
        assertThat(pageText()).contains("Đã ghi nhận gia hạn tách trẻ đến ngày " + until);
        WebElement entry = find(By.cssSelector("li[data-step='separation_extended']"));
        assertThat(entry.getText()).contains("Gia hạn tạm thời cách ly", "Gia hạn đến", until, "Lý do gia hạn", REASON,
                "Người ghi nhận", "Lê Minh Châu");
        assertThat(all(By.id("extendedUntil-error"))).isEmpty();
        assertThat(find(By.cssSelector("li[data-step='decide_separation']")).getText())
                .as("the decision's day is shown day first too").contains(today().format(DAY_FIRST));
        assertThat(extensionsOf(caseId)).isOne();
        screenshot("separation-extension-recorded-" + screen);
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
    }

    private WebElement form() {
        return find(By.id("separation-extension"));
    }

    private void extend(LocalDate until, String reason) {
        WebElement day = find(By.id("extendedUntil"));
        day.clear();
        day.sendKeys(until.format(DAY_FIRST));
        WebElement why = find(By.id("extension-reason"));
        why.clear();
        why.sendKeys(reason);
        form().findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** A case of Ba Đình whose officer proposed a separation during assessment and whose chairman decided it today. */
    private UUID monitoredSeparation() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        as("officer").post("/api/cases/" + caseId + "/separation-requests",
                Map.of("reason", "Cha mẹ từ chối kế hoạch")).expect(202);
        complete("chairman", caseId, "decide_separation", Map.of("decisionNumber", "07/QĐ-UBND",
                "decisionDate", today().toString(), "shelter", "Nhà tạm lánh của xã"));
        assertThat(hasTask("chairman", caseId, "monitor_separation")).isTrue();
        return caseId;
    }

    private int extensionsOf(UUID caseId) {
        int count = 0;
        for (var step : as("chairman").get("/api/cases/" + caseId).expect(200).body().get("steps")) {
            count += step.get("stepKey").asText().equals("separation_extended") ? 1 : 0;
        }
        return count;
    }
}
