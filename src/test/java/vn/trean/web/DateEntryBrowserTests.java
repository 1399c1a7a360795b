package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Dates in task forms are typed and shown day first, with the page's month names, also on a phone. */
class DateEntryBrowserTests extends BrowserTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aDecisionDateTypedDayFirstIsStoredAsThatDay() {
        String taskId = separationTask();
        signIn("chairman");
        open("/tasks/" + taskId);
        waitForForm();
        WebElement date = dateInput("decisionDate");
        assertThat(date.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
        find(By.cssSelector("[id$='-Field_separation_decisionNumber']")).sendKeys("15/QĐ-UBND");
        find(By.cssSelector("[id$='-Field_separation_shelter']")).sendKeys("Nhà bà ngoại, tổ 3");
        date.click();
        screenshot("date-picker-desktop");
        date.sendKeys("01/12/2026", Keys.ENTER);
        waitFor(d -> "01/12/2026".equals(dateInput("decisionDate").getAttribute("value")));
        find(By.id("task-form-submit")).click();

        waitFor(d -> d.getCurrentUrl().contains("/tasks?done"));
        assertThat(jdbc.sql("select data->>'decisionDate' from step_record where task_id = ?").param(taskId)
                .query(String.class).single()).isEqualTo("2026-12-01");
    }

    @Test
    void thePickerSpeaksThePageLanguageAndFitsAPhone() {
        String taskId = separationTask();
        signIn("chairman");
        browser.manage().window().setSize(PHONE);
        open("/tasks/" + taskId);
        waitForForm();
        WebElement calendar = openCalendar();
        screenshot("date-picker-phone");
        assertThat(calendar.findElement(By.cssSelector(".flatpickr-current-month")).getText()).contains("Tháng");
        assertThat(calendar.findElement(By.cssSelector(".flatpickr-weekdays")).getText()).contains("T2").contains("CN");
        assertFitsTheWindow(calendar);

        browser.manage().addCookie(new Cookie("lang", "en"));
        open("/tasks/" + taskId);
        waitForForm();
        calendar = openCalendar();
        assertThat(calendar.findElement(By.cssSelector(".flatpickr-current-month")).getText()).contains("December");
        assertFitsTheWindow(calendar);
    }

    @Test
    void theNewReportPageShowsWhyAnOldReceiptIsRefusedAndTakesItWithAReason() {
        signIn("hotline");
        open("/reports/new");
        String childName = "Đỗ Minh " + UUID.randomUUID();
        new Select(find(By.id("communeCode"))).selectByValue(COMMUNE_A);
        find(By.id("child-fullName")).sendKeys(childName);
        new Select(find(By.id("child-sex"))).selectByValue("MALE");
        find(By.id("child-estimatedAge")).sendKeys("15");
        find(By.cssSelector("input[name=category][value=AT_RISK]")).click();
        find(By.id("place")).sendKeys("Tổ 2, phường Ba Đình");
        find(By.id("currentCondition")).sendKeys("Trẻ ở nhà một mình nhiều ngày");
        setValue("receivedAt", LocalDateTime.now(VIETNAM).minusDays(200).truncatedTo(ChronoUnit.MINUTES).toString());
        find(By.id("report-submit")).click();

        waitFor(d -> !d.findElements(By.id("receivedAt-error")).isEmpty());
        assertThat(text(By.id("receivedAt-error"))).contains("90 ngày").contains("lý do");
        int before = count("select count(*) from child where full_name = ?", childName);
        assertThat(before).as("nothing written").isZero();

        find(By.id("lateReason")).sendKeys("Phiếu giấy của tổ dân phố, nay mới chuyển đến");
        find(By.id("report-submit")).click();
        waitFor(d -> d.getCurrentUrl().contains("/cases/"));
        assertThat(count("select count(*) from child where full_name = ?", childName)).isOne();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private WebElement openCalendar() {
        WebElement input = dateInput("decisionDate");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", input);
        input.click();
        return find(By.cssSelector(".flatpickr-calendar.open"));
    }

    private void assertFitsTheWindow(WebElement calendar) {
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return {left: r.left, right: r.right, width: document.documentElement.clientWidth};""", calendar);
        assertThat(box.get("width").doubleValue()).as("the phone's width").isLessThanOrEqualTo(360);
        assertThat(box.get("left").doubleValue()).as("left edge of the picker").isGreaterThanOrEqualTo(0);
        assertThat(box.get("right").doubleValue()).as("right edge of the picker")
                .isLessThanOrEqualTo(box.get("width").doubleValue());
    }

    /**
     * A decide_separation task of a case received on 1 December 2026, 08:00 Vietnam time, so that the
     * typed 01/12/2026 is a valid decision date (and 12 January, its month-first reading, is not).
     */
    private String separationTask() {
        Map<String, Object> report = report(COMMUNE_A,
                OffsetDateTime.parse("2026-12-01T08:00:00+07:00").toInstant(), "Phạm Thu " + UUID.randomUUID());
        // a test run long after that day files it as a late report
        report.put("lateReason", "Kiểm thử nhập ngày");
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
        complete("officer", caseId, "verify_report", verification(true));
        complete("chairman", caseId, "emergency_intervention", Map.of(
                "measuresTaken", "Công an ngăn chặn", "agenciesInvolved", List.of("police"),
                "interventionCompletedAt", LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES).toString(),
                "separationNeeded", true));
        return taskOf("chairman", caseId, "decide_separation").get("taskId").asText();
    }

    private WebElement dateInput(String key) {
        return find(By.cssSelector("input[id$='-Field_separation_" + key + "-date']"));
    }

    private void waitForForm() {
        find(By.cssSelector("#task-form[data-ready=true]"));
        waitFor(d -> d.findElement(By.id("task-form-submit")).isEnabled());
    }
}
