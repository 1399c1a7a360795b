package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 9 item 4 through the pages: Ba Đình's officer asks from the case page to transfer the case to Ngọc Hà;
 * Ngọc Hà's officer sees the request (number and initials, no name) and accepts it; the case and its open task
 * are then Ngọc Hà's. On a phone and a desktop. An officer whose case has a twin among Ngọc Hà's open cases is
 * offered the transfer there.
 */
class CaseTransferBrowserTests extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void officerRequestsATransferAndTheReceivingOfficerAcceptsIt(String screen) {
        Dimension size = "phone".equals(screen) ? PHONE : DESKTOP;
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = as("officer").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();

        signIn("officer");
        browser.manage().window().setSize(size);
        open("/cases/" + caseId);
        new Select(find(By.id("toCommuneCode"))).selectByValue(COMMUNE_B);
        find(By.id("transfer-reason")).sendKeys("Gia đình đã chuyển đến Ngọc Hà");
        screenshot("transfer-request-" + screen);
        find(By.cssSelector("form.transfer-form button[type=submit]")).click();
        waitForText("Đã gửi đề nghị chuyển");
        assertThat(text(By.cssSelector("ul.transfers li[data-state='REQUESTED']"))).contains("Ngọc Hà");
        assertThat(all(By.cssSelector("form.transfer-form"))).as("one open request at a time").isEmpty();
        signOut();

        signIn("officer.ngocha");
        browser.manage().window().setSize(size);
        open("/transfers");
        WebElement request = find(By.cssSelector("li.task[data-case-number='" + caseNumber + "']"));
        assertThat(request.getText()).contains("N.T.H.").contains("Ba Đình").doesNotContain("Nguyễn Thị Hoà");
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling").isLessThanOrEqualTo(size.getWidth());
        screenshot("transfer-incoming-" + screen);
        request.findElement(By.cssSelector("form.accept-transfer button")).click();
        waitFor(d -> d.getCurrentUrl().contains("/cases/" + caseId));
        assertThat(pageText()).contains(caseNumber).contains("Ngọc Hà").contains("Nguyễn Thị Hoà");
        screenshot("transfer-accepted-" + screen);
        open("/tasks?caseId=" + caseId);
        assertThat(all(By.cssSelector("li.task[data-case-number='" + caseNumber + "'][data-step='verify_report']")))
                .hasSize(1);
        assertThat(hasTask("officer", caseId, "verify_report")).isFalse();
        signOut();

        // Ba Đình keeps reading what it did: its request, not Ngọc Hà's work nor who read the file
        signIn("officer");
        browser.manage().window().setSize(size);
        open("/cases/" + caseId);
        assertThat(all(By.cssSelector("li[data-step='transfer_requested']"))).hasSize(1);
        assertThat(all(By.cssSelector("li[data-step='transfer_accepted']"))).isEmpty();
        assertThat(all(By.id("viewers-h"))).isEmpty();
        assertThat(all(By.cssSelector("form.transfer-form"))).isEmpty();
        assertThat(text(By.cssSelector("li[data-step='transfer_requested']"))).contains("Ngọc Hà");
    }

    @Test
    void officerOfferedATransferForATwinInNgocHaFindsNgocHaChosenInTheForm() {
        String name = CaseWorkBrowserTests.uniqueChildName();
        as("officer.ngocha").post("/api/reports", report(COMMUNE_B, Instant.now(), name)).expect(201);
        UUID own = UUID.fromString(as("officer").post("/api/reports", report(COMMUNE_A, Instant.now(), name))
                .expect(201).body().get("id").asText());

        signIn("officer");
        browser.manage().window().setSize(PHONE);
        open("/cases/" + own);
        WebElement twin = find(By.cssSelector(".duplicates-elsewhere li[data-commune='" + COMMUNE_B + "']"));
        assertThat(twin.getText()).contains(COMMUNE_B + "-").contains("Ngọc Hà").contains("9 tuổi")
                .doesNotContain(name.substring(name.indexOf(' ') + 1));
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling").isLessThanOrEqualTo(PHONE.getWidth());
        screenshot("transfer-offer-phone");
        twin.findElement(By.cssSelector("a.offer-transfer")).click();

        waitFor(d -> d.getCurrentUrl().contains("transferTo=" + COMMUNE_B));
        assertThat(new Select(find(By.id("toCommuneCode"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(COMMUNE_B);
        find(By.id("transfer-reason")).sendKeys("Trẻ đã có hồ sơ ở Ngọc Hà");
        find(By.cssSelector("form.transfer-form button[type=submit]")).click();
        waitForText("Đã gửi đề nghị chuyển");
        assertThat(text(By.cssSelector("ul.transfers li[data-state='REQUESTED']"))).contains("Ngọc Hà");
    }
}
