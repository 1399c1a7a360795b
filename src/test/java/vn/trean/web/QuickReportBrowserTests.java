package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** A village collaborator files from a phone in a few fields and follows the status (issue 9, item 5). */
class QuickReportBrowserTests extends BrowserTest {

    @Test
    void aCollaboratorFilesFromAPhoneInAFewFieldsAndSeesTheStatusOfWhatTheyFiled() {
        String child = "bé gái nhà bà Sáu " + UUID.randomUUID().toString().substring(0, 6);
        signIn("ctv.badinh");
        browser.manage().window().setSize(PHONE);
        assertThat(browser.getCurrentUrl()).as("a collaborator lands on their reports").contains("/reports/mine");
        assertThat(all(By.cssSelector("header nav a[href$='/tasks']"))).as("no task list").isEmpty();
        assertThat(all(By.cssSelector("header nav a[href$='/board']"))).as("no board").isEmpty();

        find(By.cssSelector("header nav a[href$='/reports/quick']")).click();
        waitFor(d -> d.getCurrentUrl().contains("/reports/quick"));
        assertThat(all(By.cssSelector("form[action$='/reports/quick'] input:not([type=hidden]), "
                + "form[action$='/reports/quick'] textarea, form[action$='/reports/quick'] select")))
                .as("a few fields: what, urgent (2 radios), child, age, place, commune, when").hasSizeLessThanOrEqualTo(8);
        assertThat(new Select(find(By.id("communeCode"))).getFirstSelectedOption().getText())
                .as("the collaborator's own commune by default").isEqualTo("Ba Đình");
        find(By.id("whatHappened")).sendKeys("Trẻ bị bỏ đói, ở một mình nhiều ngày");
        find(By.cssSelector("input[name=urgent][value=true]")).click();
        find(By.id("child")).sendKeys(child);
        new Select(find(By.id("ageRange"))).selectByValue("AGE_3_TO_5");
        find(By.id("place")).sendKeys("Ngõ 12, tổ dân phố 5");
        assertThat(fitsTheScreen()).as("no sideways scrolling at 360 px").isTrue();
        screenshot("quick-report-phone");
        find(By.cssSelector("form[action$='/reports/quick'] button[type=submit]")).click();

        waitFor(d -> d.getCurrentUrl().contains("/reports/mine?filed="));
        String caseNumber = browser.getCurrentUrl().replaceAll(".*filed=", "");
        var row = find(By.cssSelector("li.filed-report[data-case='" + caseNumber + "']"));
        assertThat(row.getText()).contains(caseNumber).contains("Ba Đình").contains("Đang xác minh");
        assertThat(pageText()).as("what they typed about the child is not shown back").doesNotContain(child);
        assertThat(fitsTheScreen()).as("no sideways scrolling at 360 px").isTrue();
        screenshot("reports-mine-phone");
        String officerSees = jdbc.sql("select ch.full_name from child ch join case_file c on c.id = ch.case_id "
                + "where c.case_number = :n").param("n", caseNumber).query(String.class).single();
        assertThat(officerSees).isEqualTo(child);
    }

    private boolean fitsTheScreen() {
        Number overflow = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return overflow.intValue() <= 0;
    }
}
