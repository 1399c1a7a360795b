package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 9 item 3 through the pages: the officer's verification finds the report unfounded and proposes to
 * close it; the chairman confirms on the task page; the case shows "verified, not a case". On a phone and a
 * desktop.
 */
class EarlyCloseBrowserTests extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void officerProposesToCloseAnUnfoundedReportAndTheChairmanConfirms(String screen) {
        Dimension size = "phone".equals(screen) ? PHONE : DESKTOP;
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = as("officer").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();

        signIn("officer");
        browser.manage().window().setSize(size);
        open("/tasks/" + taskId);
        waitForForm();
        chooseRadio("Field_verify_abuseConfirmed", 1);
        chooseOption("Field_verify_riskLevel", "Không có nguy cơ");
        find(By.cssSelector("[id$='-Field_verify_initialHarmAssessment']")).sendKeys("Không có dấu hiệu tổn hại", Keys.TAB);
        assertThat(all(By.cssSelector("[id$='-Field_verify_unfoundedReason-display']")))
                .as("the reason is asked only for an unfounded report").isEmpty();
        chooseRadio("Field_verify_verificationOutcome", 1);
        chooseOption("Field_verify_unfoundedReason", "Thông tin sai sự thật");
        find(By.cssSelector("[id$='-Field_verify_unfoundedReasonText']")).sendKeys("Người báo tin nhầm địa chỉ", Keys.TAB);
        screenshot("early-close-proposal-" + screen);
        find(By.id("task-form-submit")).click();
        waitFor(d -> d.getCurrentUrl().contains("/tasks?done"));
        signOut();

        signIn("chairman");
        browser.manage().window().setSize(size);
        // the chairman's list holds every test's Ba Đình tasks: this case's
        open("/tasks?caseId=" + caseId);
        WebElement row = taskRow(caseNumber, "confirm_early_close");
        assertThat(row.getText()).contains("Xác nhận kết thúc sớm");
        row.findElement(By.cssSelector("a.step")).click();
        waitForForm();
        assertThat(pageText()).contains("2 ngày làm việc");
        // on a phone the case summary starts folded so that the form comes first: unfold it to read the proposal
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('case-summary').open = true");
        assertThat(text(By.id("early-close-proposal"))).contains("Thông tin sai sự thật").contains("Người báo tin nhầm địa chỉ");
        chooseRadio("Field_confirm_early_close_decision", 0);
        screenshot("early-close-confirm-" + screen);
        find(By.id("task-form-submit")).click();
        waitFor(d -> d.getCurrentUrl().contains("/tasks?done"));
        assertThat(all(By.cssSelector("li.task[data-case-number='" + caseNumber + "']"))).isEmpty();

        open("/cases/" + caseId);
        assertThat(text(By.cssSelector(".closing-outcome")))
                .isEqualTo("— Đã xác minh, không phải vụ việc: Thông tin sai sự thật");
        assertThat(pageText()).contains("Người báo tin nhầm địa chỉ");
        screenshot("early-close-case-" + screen);
        assertThat(as("officer").get("/api/cases/" + caseId).expect(200).body().get("closingOutcome").asText())
                .isEqualTo("VERIFIED_NOT_A_CASE");
        assertThat(hasTask("officer", caseId, "assess_needs")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void officerSeesWhyTheChairmanSentTheProposalBackBesideTheAssessmentForm() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", vn.trean.workflow.UnfoundedReportIntegrationTests.unfounded("duplicate", null));
        complete("chairman", caseId, "confirm_early_close",
                java.util.Map.of("earlyCloseDecision", "return", "chairmanNote", "Hàng xóm báo trẻ vẫn bị đánh"));
        String taskId = taskOf("officer", caseId, "assess_needs").get("taskId").asText();

        signIn("officer");
        open("/tasks/" + taskId);
        waitForForm();
        assertThat(text(By.id("early-close-returned"))).contains("Chủ tịch trả lại").contains("Hàng xóm báo trẻ vẫn bị đánh");
    }

    private WebElement taskRow(String caseNumber, String stepKey) {
        return find(By.cssSelector("li.task[data-case-number='" + caseNumber + "'][data-step='" + stepKey + "']"));
    }

    private void waitForForm() {
        find(By.cssSelector("#task-form[data-ready=true]"));
        waitFor(d -> d.findElement(By.id("task-form-submit")).isEnabled());
    }

    private void chooseRadio(String componentId, int index) {
        find(By.cssSelector("[id$='-" + componentId + "-" + index + "']")).click();
    }

    /**
     * form-js draws its own drop-down: open it and pick the option with the keyboard, as a keyboard user does.
     * Under load the list may still be opening when the keys arrive: the choice is tried again until it shows.
     */
    private void chooseOption(String componentId, String label) {
        By display = By.cssSelector("[id$='-" + componentId + "-display']");
        for (int attempt = 1; ; attempt++) {
            find(display).click();
            waitFor(d -> !d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
            List<String> options = all(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText).toList();
            int index = options.indexOf(label);
            assertThat(index).as("option %s among %s", label, options).isNotNegative();
            WebElement input = find(By.cssSelector("input[id$='-" + componentId + "']"));
            for (int i = 0; i < index; i++) {
                input.sendKeys(Keys.ARROW_DOWN);
            }
            input.sendKeys(Keys.ENTER);
            if (attempt == 3 || browser.findElement(display).getText().equals(label)) {
                break;
            }
        }
        waitFor(d -> d.findElement(display).getText().equals(label));
    }
}
