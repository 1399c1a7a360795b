package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Issue 8, items 4 and 5: the administrator's pages for people, their bulk import and integration tokens. */
class PeopleBrowserTests extends BrowserTest {

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private Api basic(String username, String password) {
        return anonymous().withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Api bearer(String token) {
        return anonymous().withHeader("Authorization", "Bearer " + token);
    }

    /** Nothing wider than the screen: a 360 px phone scrolls down, never sideways. */
    private void fitsTheScreen() {
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow (px) of %s", browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    private void type(String id, String value) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void click(By by) {
        WebElement element = find(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @Test
    void onAPhoneAnAdministratorCreatesAUserResetsThePasswordShownOnceAndDisablesAndReEnablesThem() {
        managesAPerson(PHONE);
    }

    @Test
    void onADesktopAnAdministratorCreatesAUserResetsThePasswordShownOnceAndDisablesAndReEnablesThem() {
        managesAPerson(DESKTOP);
    }

    private void managesAPerson(Dimension size) {
        browser.manage().window().setSize(size);
        String username = unique("page.police");
        signIn("admin");
        open("/admin/people");
        fitsTheScreen();

        // a taken user name comes back next to the field, with what was typed kept
        type("username", "admin");
        type("displayName", "Hoàng Văn Trùng");
        new Select(find(By.id("role"))).selectByValue("POLICE");
        type("agencyId", "police-00004");
        click(By.cssSelector("#create-form button[type=submit]"));
        assertThat(text(By.id("username-error"))).isNotBlank();
        assertThat(find(By.id("displayName")).getAttribute("value")).isEqualTo("Hoàng Văn Trùng");

        type("username", username);
        click(By.cssSelector("#create-form button[type=submit]"));
        String first = text(By.id("one-time-password"));
        screenshot("people-created-" + size.width);
        fitsTheScreen();
        assertThat(browser.getCurrentUrl()).doesNotContain(first);
        basic(username, first).get("/api/tasks").expect(403);
        open("/admin/people/user/" + username);
        assertThat(all(By.id("one-time-password"))).as("shown once").isEmpty();

        click(By.id("reset-password"));
        waitFor(d -> !d.findElements(By.id("one-time-password")).isEmpty());
        String second = text(By.id("one-time-password"));
        assertThat(second).isNotEqualTo(first);
        basic(username, first).get("/api/tasks").expect(401);
        basic(username, second).get("/api/tasks").expect(403);
        open("/admin/people/user/" + username);
        assertThat(all(By.id("one-time-password"))).isEmpty();

        click(By.id("disable"));
        find(By.id("enable"));
        basic(username, second).get("/api/tasks").expect(401);
        click(By.id("enable"));
        find(By.id("disable"));
        basic(username, second).get("/api/tasks").expect(403);

        open("/admin/people?q=" + username);
        assertThat(all(By.cssSelector("#people tbody tr"))).hasSize(1);
        assertThat(text(By.cssSelector("#people tbody tr"))).contains("Hoàng Văn Trùng").contains("Công an");
    }

    @Test
    void anAdministratorImportsTenUsersFromACsvAfterADryRunThatWritesNothing() throws Exception {
        browser.manage().window().setSize(PHONE);
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add("imp" + batch + "." + i + ",Người Nhập Số " + i + ",,COMMUNE_OFFICER,child-protection-00004");
        }
        Path bad = Files.createTempFile("nguoi-dung-", ".csv");
        Files.writeString(bad, "\uFEFFusername,displayName,email,role,agencyId\n" + String.join("\n", rows.subList(0, 9))
                + "\nimp" + batch + ".10,Người Sai,,COMMUNE_OFFICER,no-such-agency\n", StandardCharsets.UTF_8);
        Path good = Files.createTempFile("nguoi-dung-", ".csv");
        Files.writeString(good, "\uFEFFusername,displayName,email,role,agencyId\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        signIn("admin");
        open("/admin/people/import");
        assertThat(text(By.id("all-or-nothing"))).isNotBlank();
        assertThat(find(By.id("template-xlsx")).getAttribute("href")).contains("format=xlsx");
        fitsTheScreen();

        find(By.id("file")).sendKeys(bad.toString());
        click(By.id("import"));
        find(By.id("refused"));
        assertThat(text(By.cssSelector("#rows tr[data-row='11'] .problems"))).contains("agencyId");
        assertThat(count("select count(*) from app_user where username like ?", "imp" + batch + ".%")).isZero();

        find(By.id("file")).sendKeys(good.toString());
        click(By.id("check"));
        find(By.id("check-ok"));
        assertThat(all(By.cssSelector("#rows tbody tr"))).hasSize(10);
        screenshot("import-check");
        fitsTheScreen();
        assertThat(count("select count(*) from app_user where username like ?", "imp" + batch + ".%")).isZero();

        find(By.id("file")).sendKeys(good.toString());
        click(By.id("import"));
        find(By.id("imported"));
        List<WebElement> passwords = all(By.cssSelector("#imported code.otp"));
        assertThat(passwords).hasSize(10);
        screenshot("import-done");
        fitsTheScreen();
        assertThat(count("select count(*) from app_user where username like ?", "imp" + batch + ".%")).isEqualTo(10);
        String firstUser = find(By.cssSelector("#imported tbody tr")).getAttribute("data-username");
        basic(firstUser, passwords.get(0).getText()).get("/api/tasks").expect(403);
        open("/admin/people/import");
        assertThat(all(By.cssSelector("code.otp"))).as("shown once").isEmpty();
    }

    @Test
    void anAdministratorCreatesAnIntegrationIssuesATokenShownOnceAndRevokesIt() {
        browser.manage().window().setSize(PHONE);
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin");
        open("/admin/integrations");
        fitsTheScreen();

        // a name the rules refuse comes back next to the field, the other choices kept
        type("name", "Tên Sai");
        type("displayName", "Hệ thống thử");
        new Select(find(By.id("role"))).selectByValue("HOTLINE_OPERATOR");
        type("agencyId", "hotline-111");
        click(By.cssSelector("#integration-form input[name=scopes][value='tasks:read']"));
        click(By.cssSelector("#integration-form button[type=submit]"));
        assertThat(text(By.id("name-error"))).isNotBlank();
        assertThat(find(By.cssSelector("#integration-form input[name=scopes][value='tasks:read']")).isSelected()).isTrue();
        type("name", name);
        click(By.cssSelector("#integration-form button[type=submit]"));
        By account = By.cssSelector("section.integration[data-name='" + name + "']");
        find(account);

        click(By.cssSelector("section.integration[data-name='" + name + "'] button.issue-token"));
        String token = text(By.id("issued-token"));
        assertThat(browser.getCurrentUrl()).doesNotContain(token);
        bearer(token).get("/api/tasks").expect(200);
        screenshot("integrations-token");
        fitsTheScreen();
        open("/admin/integrations");
        assertThat(all(By.id("issued-token"))).as("shown once").isEmpty();
        assertThat(text(account)).contains(token.substring(0, 10));

        click(By.cssSelector("section.integration[data-name='" + name + "'] button.revoke"));
        waitFor(d -> d.findElements(By.cssSelector("section.integration[data-name='" + name + "'] button.revoke")).isEmpty());
        assertThat(all(By.cssSelector("section.integration[data-name='" + name + "'] .revoked"))).hasSize(1);
        bearer(token).get("/api/tasks").expect(401);
        assertThat(count("select count(*) from audit_event where detail::text like ?", "%" + token + "%")).isZero();
    }
}
