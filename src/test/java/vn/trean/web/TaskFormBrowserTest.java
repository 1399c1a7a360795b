package vn.trean.web;

import java.time.Instant;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A task's form in the browser: a new case's verification, filled in as a person does (issue 11, items 3 and 4). */
abstract class TaskFormBrowserTest extends BrowserTest {

    static final By HARM = By.cssSelector("[id$='-Field_verify_initialHarmAssessment']");

    /** A new case of Ba Đình: its verification is the officer's task. */
    UUID newCase() {
        return fileReport(COMMUNE_A, Instant.now());
    }

    String verifyTask(UUID caseId) {
        return taskOf("officer", caseId, "verify_report").get("taskId").asText();
    }

    void openForm(String task) {
        open("/tasks/" + task);
        waitForForm();
    }

    void waitForForm() {
        find(By.cssSelector("#task-form[data-ready=true]"));
        waitFor(d -> d.findElement(By.id("task-form-submit")).isEnabled());
    }

    /** Fills in what the verification requires. */
    void fillVerification(String harm) {
        find(By.cssSelector("[id$='-Field_verify_abuseConfirmed-0']")).click();
        chooseOption("Field_verify_riskLevel", "Cao");
        // form-js takes typed text in after a pause or when the field is left: leave it, as a person moving on does
        find(HARM).sendKeys(harm, Keys.TAB);
        waitFor(d -> localDraftHolds(harm));
    }

    boolean localDraftHolds(String text) {
        return Boolean.TRUE.equals(script("return Object.keys(localStorage).some(k => k.startsWith('trean.draft.')"
                + " && localStorage.getItem(k).includes(arguments[0]))", text));
    }

    Object script(String source, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(source, args);
    }

    /** form-js draws its own drop-down: open it and pick the option with the mouse. */
    private void chooseOption(String componentId, String label) {
        By display = By.cssSelector("[id$='-" + componentId + "-display']");
        find(display).click();
        WebElement option = all(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(item -> item.getText().equals(label)).findFirst().orElseThrow();
        option.click();
        waitFor(d -> d.findElement(display).getText().equals(label));
    }
}
