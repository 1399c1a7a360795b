package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.oversight.DeadlineWatcher;

/**
 * Issue 12 item 1 through the case page: a step past its due date shows under "Vi phạm thời hạn" with its agency,
 * deadline and lateness; the officer, whose agency held it, gives the reason on the short form (signed in with a
 * session, so the form carries its CSRF token); "Khác" without a note is refused beside the breaches, nothing
 * recorded; then the reason shows, and the timeline has the breach and its reason.
 */
class BreachesBrowserTests extends BrowserTest {

    @Autowired
    DeadlineWatcher watcher;

    @Test
    void officerGivesTheReasonOfABreachOfTheirAgencyOnTheCasePage() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        jdbc.sql("update work_item set due_at = ? where case_id = ? and step_key = 'assess_needs'")
                .param(Timestamp.from(Instant.now().minus(Duration.ofHours(3)))).param(caseId).update();
        watcher.checkNow(Instant.now());

        signIn("officer");
        open("/cases/" + caseId);
        WebElement breach = find(By.cssSelector("#breaches tr.breach[data-step='assess_needs']"));
        assertThat(breach.getText()).contains("Đánh giá nguy cơ cụ thể, xác định nhu cầu")
                .contains("Cán bộ bảo vệ trẻ em phường Ba Đình").contains("quá hạn 3 giờ").contains("chưa hoàn thành");

        new Select(breach.findElement(By.name("reasonCode"))).selectByValue("OTHER");
        breach.findElement(By.cssSelector("button[type=submit]")).click();
        // the browser asks for nothing more than a choice: the server refuses "Khác" without a note
        assertThat(text(By.id("breach-problem"))).contains("Ghi chú").contains("Bắt buộc ghi rõ");
        assertThat(count("select count(*) from deadline_breach where case_id = ? and reason_at is not null", caseId))
                .isZero();

        breach = find(By.cssSelector("#breaches tr.breach[data-step='assess_needs']"));
        new Select(breach.findElement(By.name("reasonCode"))).selectByValue("CHILD_OR_FAMILY_UNREACHABLE");
        breach.findElement(By.name("note")).sendKeys("Gia đình đi vắng cả tuần");
        breach.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(text(By.id("breach-notice"))).contains("Đã ghi nhận lý do quá hạn");
        String reason = text(By.cssSelector("#breaches tr.breach[data-step='assess_needs'] .breach-reason"));
        assertThat(reason).contains("Không liên lạc được với trẻ hoặc gia đình").contains("Gia đình đi vắng cả tuần")
                .contains("Nguyễn Văn An");
        assertThat(all(By.cssSelector("#breaches form"))).isEmpty();
        assertThat(text(By.cssSelector(".timeline li[data-step='deadline_breach']"))).contains("Quá thời hạn");
        assertThat(text(By.cssSelector(".timeline li[data-step='breach_reason']")))
                .contains("Không liên lạc được với trẻ hoặc gia đình");
        screenshot("case-breaches");
    }
}
