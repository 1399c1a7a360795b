package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Issue 11 item 2 through the pages, on a phone and a desktop: a task card says who the task is about and how
 * urgent it is, in steps that follow the engine's clock; the chairman's task shows the officer's verification.
 */
class TaskCardsBrowserTests extends BrowserTest {

    /** The overdue red of app.css (--bad), as the browser computes it. */
    private static final String RED = "rgba(179, 38, 30, 1)";

    private UUID report(String childName, Instant receivedAt) {
        return UUID.fromString(as("hotline").post("/api/reports", report(COMMUNE_A, receivedAt, childName)).expect(201)
                .body().get("id").asText());
    }

    private WebElement card(UUID caseId, String stepKey) {
        open("/tasks?caseId=" + caseId);
        return find(By.cssSelector("li.task[data-step='" + stepKey + "']"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void theCardSaysWhoAndHowUrgentAsTheClockMoves(String screen) {
        Dimension size = "phone".equals(screen) ? PHONE : DESKTOP;
        Instant received = Instant.now();
        UUID caseId = report("Hoàng Thị Lan", received);
        String commune = jdbc.sql("select name from locality where list = 'V2025' and code = ?").param(COMMUNE_A)
                .query(String.class).single();

        signIn("officer");
        browser.manage().window().setSize(size);
        WebElement card = card(caseId, "verify_report");
        assertThat(card.findElement(By.cssSelector(".child")).getText()).isEqualTo("Hoàng Thị Lan");
        assertThat(card.getText()).contains("khoảng 9 tuổi", commune, "Trẻ bị xâm hại");
        assertThat(card.findElement(By.cssSelector(".who")).isDisplayed()).isTrue();
        screenshot("task-card-" + screen);

        record Step(Duration after, String urgency, String words) {
        }
        for (Step step : List.of(new Step(Duration.ofHours(5), "calm", "Còn hơn 6 giờ"),
                new Step(Duration.ofHours(7), "soon", "Còn 1–6 giờ"),
                new Step(Duration.ofMinutes(11 * 60 + 30), "urgent", "Còn dưới 1 giờ"),
                new Step(Duration.ofHours(13), "overdue", "Quá hạn"))) {
            ClockUtil.setCurrentTime(Date.from(received.plus(step.after())));
            card = card(caseId, "verify_report");
            assertThat(card.getAttribute("data-urgency")).as("after %s", step.after()).isEqualTo(step.urgency());
            WebElement badge = card.findElement(By.cssSelector(".badge.urgency"));
            assertThat(badge.getText()).as("urgency told in words, not colour alone").isEqualTo(step.words());
            WebElement window = card.findElement(By.cssSelector(".badge.window"));
            boolean breached = "overdue".equals(step.urgency());
            assertThat(window.getAttribute("class").contains("breach")).isEqualTo(breached);
            assertThat(window.getCssValue("background-color").equals(RED)).as("the 12-hour badge red on a breach")
                    .isEqualTo(breached);
        }
        assertThat(card.findElement(By.cssSelector(".badge.window")).getText()).contains("Vi phạm hạn 12 giờ");
        assertThat(card.findElement(By.cssSelector(".badge.urgency")).getCssValue("background-color")).isEqualTo(RED);
        screenshot("task-card-overdue-" + screen);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void theChairmanSeesTheOfficersVerificationOnTheTask(String screen) {
        UUID caseId = report("Vũ Đức Huy", Instant.now());
        complete("officer", caseId, "verify_report", verification(true));

        signIn("chairman");
        browser.manage().window().setSize("phone".equals(screen) ? PHONE : DESKTOP);
        WebElement card = card(caseId, "emergency_intervention");
        assertThat(card.getText()).contains("Vũ Đức Huy", "Nguy cơ: Cao", "Khẩn cấp");
        card.findElement(By.cssSelector("a.step")).click();
        // on a phone the case summary starts folded so that the form comes first: the chairman unfolds it
        find(By.cssSelector("#case-summary > summary"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('case-summary').open = true");
        WebElement verification = find(By.id("verification"));
        assertThat(verification.getText()).contains("Kết quả xác minh của cán bộ", "Mức độ nguy cơ", "Cao",
                "Vết bầm nhẹ");
        screenshot("task-verification-" + screen);
    }
}
