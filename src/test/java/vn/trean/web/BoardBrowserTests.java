package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class BoardBrowserTests extends BrowserTest {

    @Test
    void supervisorSeesTheBreachOnTheBoardAndHasTheEscalationOnceTwelveHoursPass() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        String caseNumber = caseNumber(caseId);
        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(12)).plusSeconds(60));

        signIn("supervisor");
        assertThat(browser.getCurrentUrl()).endsWith("/board");
        WebElement row = overdueRow(caseNumber);
        assertThat(row.getText()).contains("Xác minh, đánh giá nguy cơ ban đầu").contains("1 phút")
                .contains("Ba Đình").contains("bảo vệ trẻ em").doesNotContain("child-protection-00004");
        screenshot("board-supervisor");

        // re-sorting goes through the JSON API and redraws the table without a reload
        find(By.cssSelector("#overdue a[data-sort=LATE]")).click();
        waitFor(d -> "descending".equals(d.findElement(By.xpath("//a[@data-sort='LATE']/..")).getAttribute("aria-sort")));
        assertThat(browser.getCurrentUrl()).contains("sort=LATE");
        // the script may redraw the table again while the row is read: read it until a drawing holds still
        waitFor(d -> {
            try {
                String text = overdueRow(caseNumber).getText();
                return text.contains("Xác minh") && text.contains("bảo vệ trẻ em");
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        assertThat(find(By.id("export-xlsx")).getAttribute("href")).endsWith("/api/board/overdue.xlsx?sort=LATE");

        overdueRow(caseNumber).findElement(By.linkText(caseNumber)).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
        open("/tasks?caseId=" + caseId);
        assertThat(find(By.cssSelector("li.task[data-case-number='" + caseNumber + "'][data-step='escalate_breach']"))
                .getText()).contains("Xử lý vi phạm thời hạn 12 giờ");
    }

    @Test
    void chairmanWatchesTheTwelveHourWindowOfTheirCommuneCountDown() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(2)));
        String caseNumber = caseNumber(caseId);

        signIn("chairman");
        open("/board");
        WebElement row = windowRow(caseNumber);
        WebElement countdown = row.findElement(By.cssSelector("[data-countdown]"));
        waitFor(d -> countdown.getText().matches("9:5\\d:\\d\\d"));
        String first = countdown.getText();
        waitFor(d -> !countdown.getText().equals(first));
        assertThat(pageText()).contains("Xã/phường Ba Đình").doesNotContain("Toàn tỉnh");
        screenshot("board-chairman");
    }

    @Test
    void caseworkersOfOtherAgenciesHaveNoBoard() {
        signIn("police");
        assertThat(all(By.linkText("Bảng theo dõi thời hạn"))).isEmpty();
        open("/board");
        assertThat(text(By.tagName("h1"))).isEqualTo("Không có bảng theo dõi");
    }

    @Test
    void supervisorFiltersTheBoardAndSeesWhereAndWhoInTheTwelveHourList() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(1)));
        complete("officer", caseId, "verify_report", verification(true));
        String caseNumber = caseNumber(caseId);

        signIn("supervisor");
        open("/board");
        new org.openqa.selenium.support.ui.Select(find(By.id("filter-commune"))).selectByValue(COMMUNE_A);
        find(By.id("filter-emergency")).click();
        find(By.cssSelector("#board-filters button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("commune=" + COMMUNE_A) && d.getCurrentUrl().contains("emergency=true"));
        assertThat(find(By.id("export-csv")).getAttribute("href")).contains("commune=" + COMMUNE_A).contains("emergency=true");

        WebElement row = windowRow(caseNumber);
        assertThat(row.getText()).contains("khẩn cấp").contains("Ba Đình").doesNotContain("child-protection-");
        assertThat(row.findElements(By.cssSelector("td"))).hasSize(6);
        screenshot("board-window-filtered");
    }

    /** The case's row in the 12-hour list, on whichever page of it the case is. */
    private WebElement windowRow(String caseNumber) {
        By row = By.xpath("//table[@id='window']//tr[.//a[normalize-space()='" + caseNumber + "']]");
        while (all(row).isEmpty()) {
            find(By.cssSelector("#window-pager a[rel=next]")).click();
            waitFor(d -> d.getCurrentUrl().contains("windowPage="));
        }
        return find(row);
    }

    /** The case's row in the overdue list, on whichever page of it the case is (most late first: ours comes last). */
    private WebElement overdueRow(String caseNumber) {
        By row = By.xpath("//table[@id='overdue']//tr[.//a[normalize-space()='" + caseNumber + "']]");
        find(By.id("overdue"));
        while (all(row).isEmpty()) {
            WebElement next = find(By.id("overdue-next"));
            assertThat(next.isDisplayed()).as("case %s on a page of the overdue list", caseNumber).isTrue();
            String before = browser.getCurrentUrl();
            next.click();
            waitFor(d -> !d.getCurrentUrl().equals(before));
            find(By.id("overdue"));
        }
        return find(row);
    }

    private String caseNumber(UUID caseId) {
        return as("supervisor").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
    }
}
