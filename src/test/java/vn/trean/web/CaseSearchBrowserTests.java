package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * Issue 11 item 1 in a real browser, on a phone and on a desktop: the officer types a child's name without tone
 * marks into the case list's search, finds the child, and opens the case; the name never enters the address bar.
 */
class CaseSearchBrowserTests extends BrowserTest {

    @Test
    void anOfficerFindsAChildByANameTypedWithoutToneMarksOnAPhone() {
        findAndOpen(PHONE);
    }

    @Test
    void anOfficerFindsAChildByANameTypedWithoutToneMarksOnADesktop() {
        findAndOpen(DESKTOP);
    }

    private void findAndOpen(Dimension size) {
        StringBuilder word = new StringBuilder("Ấ");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        String fullName = "Nguyễn Thị " + word;
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report(COMMUNE_A, Instant.now(), fullName))
                .expect(201).body().get("id").asText());
        browser.manage().window().setSize(size);
        try {
            signIn("officer");
            find(By.id("nav-cases")).click();
            waitFor(d -> d.getCurrentUrl().endsWith("/cases"));
            var name = find(By.id("childName"));
            name.sendKeys("nguyen thi a" + word.substring(1, 5));
            name.sendKeys(Keys.ENTER);
            waitForText("1 hồ sơ");
            assertThat(browser.getCurrentUrl()).as("the name stays out of the URL").endsWith("/cases")
                    .doesNotContainIgnoringCase("nguyen");
            assertThat(find(By.id("main")).getText()).contains(fullName);
            screenshot("case-search-" + size.getWidth());
            find(By.linkText(fullName)).click();
            waitFor(d -> d.getCurrentUrl().endsWith("/cases/" + caseId));
            waitForText(fullName);
            signOut();
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }
}
