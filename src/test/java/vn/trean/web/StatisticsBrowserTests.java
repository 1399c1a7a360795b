package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 10 item 2 through the pages: the province supervisor opens the statistics from the header, picks a
 * period, and sees the figures with the trend by month and the bar per commune drawn as SVG beside their tables —
 * on a phone (360 px) as on a desktop. A commune's officer sees their commune only.
 */
class StatisticsBrowserTests extends BrowserTest {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    @Test
    void theSupervisorSeesTheProvinceByCommuneWithChartsBesideTheirTables() {
        fileReport(COMMUNE_A, Instant.now());
        signIn("supervisor");
        find(By.linkText("Thống kê")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/statistics"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Thống kê");
        assertThat(text(By.cssSelector("nav.presets"))).contains("6 tháng đầu năm " + YEAR, "Cả năm " + YEAR);

        find(By.linkText("Cả năm " + YEAR)).click();
        waitFor(d -> d.getCurrentUrl().contains("period=Y-" + YEAR));
        assertThat(text(By.id("period"))).contains("01/01/" + YEAR, "31/12/" + YEAR);
        assertThat(text(By.id("scope"))).contains("Hà Nội");
        assertThat(Integer.parseInt(text(By.id("kpi-received")))).isPositive();
        assertChartBesideItsTable("trend-chart", "trend-table", 12);
        assertChartBesideItsTable("commune-chart", "commune-table", 1);
        assertThat(text(By.id("commune-table"))).contains("Ba Đình");
        assertThat(all(By.cssSelector("#commune-chart text")).stream().map(WebElement::getText)).contains("Ba Đình");
        screenshot("statistics-supervisor-desktop");

        browser.manage().window().setSize(PHONE);
        browser.navigate().refresh();
        assertThat(find(By.id("trend-chart")).isDisplayed()).isTrue();
        assertThat(find(By.id("trend-chart")).getSize().getWidth()).isLessThanOrEqualTo(360);
        assertThat(find(By.id("commune-chart")).isDisplayed()).isTrue();
        assertThat(find(By.id("commune-table")).isDisplayed()).isTrue();
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than the phone").isLessThanOrEqualTo(360);
        screenshot("statistics-supervisor-phone");
    }

    @Test
    void aCommuneOfficerSeesTheirCommuneAndAReversedPeriodIsExplained() {
        fileReport(COMMUNE_A, Instant.now());
        browser.manage().window().setSize(PHONE);
        signIn("officer");
        open("/statistics?period=Y-" + YEAR);
        assertThat(text(By.id("scope"))).contains("Ba Đình");
        assertThat(all(By.id("commune-chart"))).as("no breakdown by commune for one commune").isEmpty();
        assertChartBesideItsTable("trend-chart", "trend-table", 12);
        assertThat(text(By.id("cases-by-level"))).contains("Chưa xác định cấp độ");

        WebElement from = find(By.id("from"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '" + YEAR + "-06-30'", from);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('to').value = '" + YEAR + "-01-01'");
        find(By.cssSelector("#custom-period button[type=submit]")).click();
        assertThat(text(By.id("period-error"))).isEqualTo("Ngày kết thúc phải sau ngày bắt đầu.");
        assertThat(all(By.id("summary"))).isEmpty();
        screenshot("statistics-officer-phone");
    }

    /** The chart is drawn (one bar per row of its table) and its table is there to read. */
    private void assertChartBesideItsTable(String chartId, String tableId, int rows) {
        WebElement chart = find(By.id(chartId));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getSize().getHeight()).isPositive();
        int bars = all(By.cssSelector("#" + chartId + " rect")).size();
        int tableRows = all(By.cssSelector("#" + tableId + " tbody tr")).size();
        assertThat(tableRows).isGreaterThanOrEqualTo(rows);
        assertThat(bars).isEqualTo(tableRows);
        assertThat(find(By.id(tableId)).isDisplayed()).isTrue();
    }
}
