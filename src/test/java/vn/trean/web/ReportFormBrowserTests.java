package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 11 item 7 on a phone: the commune is found by typing its name with or without tone marks, among only the
 * communes a report can reach, in Vietnamese order; the parents section is filled and shows on the case file.
 */
class ReportFormBrowserTests extends BrowserTest {

    @Test
    void aCommuneIsFoundWithOrWithoutToneMarksAtPhoneWidth() {
        browser.manage().window().setSize(PHONE);
        signIn("hotline");
        open("/reports/new");

        pick("ba dinh", "Ba Đình");
        assertThat(new Select(find(By.id("communeCode"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("00004");
        screenshot("report-commune-picker-phone");
        pick("Ngọc Hà", "Ngọc Hà");
        assertThat(find(By.id("communeCode")).getAttribute("value")).isEqualTo(COMMUNE_B);
        pick("NGOC HA", "Ngọc Hà");
        assertThat(find(By.id("communeCode-search")).getSize().getWidth()).as("fits the phone").isLessThanOrEqualTo(360);

        // the keyboard walks the matches: the active one is announced, Enter chooses it
        search("h");
        WebElement box = find(By.id("communeCode-search"));
        waitFor(d -> !d.findElements(By.id("communeCode-matches-1")).isEmpty());
        box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("communeCode-matches-1");
        assertThat(find(By.id("communeCode-matches-1")).getAttribute("aria-selected")).isEqualTo("true");
        String second = find(By.id("communeCode-matches-1")).getText();
        box.sendKeys(Keys.ENTER);
        waitFor(d -> find(By.id("communeCode-matches")).getAttribute("hidden") != null);
        assertThat(second).startsWith(box.getAttribute("value"));
        assertThat(new Select(find(By.id("communeCode"))).getFirstSelectedOption().getText())
                .isEqualTo(box.getAttribute("value"));

        search("khong co xa nao ten nay");
        waitFor(d -> find(By.id("communeCode-matches")).getText().contains("Không có xã/phường nào khớp"));
    }

    @Test
    void theListHoldsOnlyCommunesAReportCanReachInVietnameseOrder() {
        String unreachable = jdbc.sql("""
                        select l.code from locality l
                         where l.list = 'V2025' and l.level = 'COMMUNE' and l.retired_at is null
                           and not exists (select 1 from agency a where a.locality_code in (l.code, l.province_code))
                         order by l.code limit 1""").query(String.class).single();
        signIn("hotline");
        open("/reports/new");

        @SuppressWarnings("unchecked")
        List<String> hanoi = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('#communeCode option[data-province="Hà Nội"]'))
                    .map(o => o.textContent.replace(/ \\(.*$/, ''));""");
        assertThat(hanoi).containsSubsequence("An Khánh", "Ba Đình", "Ba Vì", "Bạch Mai", "Dương Nội", "Đa Phúc",
                "Đống Đa", "Ô Chợ Dừa", "Ứng Thiên", "Yên Xuân");
        assertThat(all(By.cssSelector("#communeCode option[value='" + unreachable + "']"))).isEmpty();
        assertThat(find(By.cssSelector("#communeCode option[value='00004']")).getText())
                .doesNotContain("cấp tỉnh giao cơ quan tiếp nhận");
        assertThat(find(By.cssSelector("#communeCode option[value='00292']")).getText())
                .as("Bạch Mai has no officer of its own: the province department takes its reports")
                .contains("cấp tỉnh giao cơ quan tiếp nhận");
    }

    @Test
    void theParentsAndTheInformantsAddressAreFilledOnAPhoneAndShownOnTheCase() {
        String child = "Võ Thị Ngọc Trâm";
        browser.manage().window().setSize(PHONE);
        signIn("hotline");
        open("/reports/new");

        pick("ba dinh", "Ba Đình");
        find(By.id("child-fullName")).sendKeys(child);
        new Select(find(By.id("child-sex"))).selectByValue("FEMALE");
        find(By.id("child-estimatedAge")).sendKeys("7");
        click(find(By.cssSelector("input[name=category][value=AT_RISK]")));
        find(By.id("place")).sendKeys("Tổ 9");
        find(By.id("currentCondition")).sendKeys("Trẻ thường bị bỏ đói");
        find(By.id("parents-0-fullName")).sendKeys("Võ Văn Hùng");
        find(By.id("parents-0-age")).sendKeys("44");
        find(By.id("parents-0-occupation")).sendKeys("Lái xe");
        find(By.id("parents-1-fullName")).sendKeys("Đinh Thị Thảo");
        find(By.id("parents-1-age")).sendKeys("39");
        find(By.id("parents-1-occupation")).sendKeys("Nội trợ");
        click(find(By.name("informantConsents")));
        find(By.id("informantName")).sendKeys("Trần Văn Báo");
        find(By.id("informantAddress")).sendKeys("Số 7 ngõ 3 Kim Mã");
        screenshot("report-parents-phone");
        click(find(By.id("report-submit")));
        waitFor(d -> d.getCurrentUrl().contains("/cases/") || !all(By.id("duplicates")).isEmpty());
        if (!all(By.id("duplicates")).isEmpty()) {
            click(find(By.cssSelector("button[name=decision][value=new]")));
            waitFor(d -> d.getCurrentUrl().contains("/cases/"));
        }

        String caseFile = pageText();
        screenshot("case-parents-phone");
        assertThat(caseFile).contains(child).contains("Võ Văn Hùng · 44 tuổi · Lái xe")
                .contains("Đinh Thị Thảo · 39 tuổi · Nội trợ").contains("Số 7 ngõ 3 Kim Mã");
    }

    /** Types into the commune search and taps the offered commune. */
    private void pick(String typed, String commune) {
        search(typed);
        By option = By.xpath("//ul[@id='communeCode-matches']/li[@role='option'][starts-with(normalize-space(.), '"
                + commune + " (')]");
        waitFor(d -> !d.findElements(option).isEmpty());
        click(find(option));
        waitFor(d -> find(By.id("communeCode-matches")).getAttribute("hidden") != null);
    }

    private void search(String typed) {
        WebElement box = find(By.id("communeCode-search"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        box.sendKeys(typed);
    }

    /** A tap, scrolled into view first (the phone's screen shows one field at a time). */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
