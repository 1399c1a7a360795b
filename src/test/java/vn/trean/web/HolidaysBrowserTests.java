package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The administrators' holiday page (issue 8, item 7), on a phone and on a desktop. */
class HolidaysBrowserTests extends BrowserTest {

    @Test
    void anAdministratorEditsAYearOnAPhoneAndSeesTheSavedDays() {
        editAndSee(PHONE, 2037);
    }

    @Test
    void anAdministratorEditsAYearOnADesktopAndSeesTheSavedDays() {
        editAndSee(DESKTOP, 2038);
    }

    private void editAndSee(Dimension size, int year) {
        signIn("admin");
        browser.manage().window().setSize(size);
        open("/admin/holidays?year=" + year);
        assertThat(text(By.id("year-state"))).isEqualTo("Năm này chưa được cấu hình.");

        // a wrong line is refused with its line number, and what was typed stays
        type("holidaysText", "01/01/" + year + " Tết Dương lịch\n31/02/" + year);
        type("reason", "Lịch nghỉ " + year);
        find(By.id("save-holidays")).click();
        waitForText("dòng 2");
        assertThat(text(By.id("problems"))).contains("Ngày nghỉ, dòng 2");
        assertThat(find(By.id("holidaysText")).getAttribute("value")).contains("31/02/" + year);

        type("holidaysText", "01/01/" + year + " Tết Dương lịch\n\n02/09/" + year + " Quốc khánh");
        type("makeUpText", "");
        type("reason", "Lịch nghỉ " + year);
        find(By.id("save-holidays")).click();
        waitFor(d -> d.findElements(By.id("notice")).size() == 1);
        screenshot("holidays-" + size.getWidth());
        assertThat(text(By.id("notice"))).startsWith("Đã lưu ngày nghỉ năm " + year);
        assertThat(find(By.id("holidaysText")).getAttribute("value"))
                .isEqualTo("01/01/" + year + " Tết Dương lịch\n02/09/" + year + " Quốc khánh");
        assertThat(text(By.id("year-state"))).contains("admin").contains("Lịch nghỉ " + year);
        assertThat(text(By.id("years"))).contains(year + ": 2 ngày nghỉ, 0 ngày làm bù");
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at %s px", size.getWidth()).isLessThanOrEqualTo(0L);
    }

    private void type(String id, String value) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
