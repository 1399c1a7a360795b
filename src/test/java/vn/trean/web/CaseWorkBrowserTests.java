package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The path of a report through the pages: the hotline receives it, the commune works it. */
class CaseWorkBrowserTests extends BrowserTest {

    @Test
    void hotlineReportReachesTheOfficerWhoseEmergencyVerificationReachesTheChairman() {
        String childName = uniqueChildName();
        signIn("hotline");
        assertThat(browser.getCurrentUrl()).endsWith("/reports/new");
        fillReport(childName, "00004", 8);
        screenshot("report-filled");
        find(By.id("report-submit")).click();

        waitFor(d -> d.getCurrentUrl().contains("/cases/"));
        String caseNumber = text(By.cssSelector(".case-header .case-no"));
        assertThat(caseNumber).matches("00004-\\d{4}-\\d{4}");
        assertThat(pageText()).contains(childName);
        signOut();

        signIn("officer");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
        WebElement row = taskRow(caseNumber, "verify_report");
        assertThat(row.getText()).contains("Hạn 12 giờ");
        screenshot("tasks-officer");
        row.findElement(By.cssSelector("a.step")).click();

        waitForForm();
        assertThat(pageText()).contains(childName).contains("Xác minh và đánh giá nguy cơ ban đầu");
        find(By.id("task-form-submit")).click();
        assertThat(text(By.id("task-form-alert"))).isEqualTo("Vui lòng kiểm tra các trường được đánh dấu.");
        assertThat(find(By.id("task-form")).getText()).contains("Bắt buộc nhập.").contains("— Chọn —");
        chooseRadio("Field_verify_abuseConfirmed", 0);
        chooseOption("Field_verify_riskLevel", "Cao");
        // form-js takes typed text in after a pause or when the field is left: leave it, as a person moving on does
        find(By.cssSelector("[id$='-Field_verify_initialHarmAssessment']")).sendKeys("Nhiều vết bầm, trẻ sợ về nhà", Keys.TAB);
        WebElement seriousHarm = find(By.cssSelector("[id$='-Field_verify_seriousHarm']"));
        seriousHarm.click();
        waitFor(d -> seriousHarm.isSelected());
        screenshot("task-verify-filled");
        find(By.id("task-form-submit")).click();

        waitFor(d -> d.getCurrentUrl().contains("/tasks?done"));
        assertThat(pageText()).contains("Đã hoàn thành công việc.");
        assertThat(all(By.cssSelector("li.task[data-case-number='" + caseNumber + "'][data-step='verify_report']"))).isEmpty();
        signOut();

        signIn("chairman");
        open("/tasks?emergency=true");
        WebElement emergency = taskRow(caseNumber, "emergency_intervention");
        assertThat(emergency.getText()).contains("Khẩn cấp").contains("Can thiệp khẩn cấp");
    }

    /** Issue 10 item 1: Form 01 records the dimensions; verification opens with them and corrects them. */
    @Test
    void theHotlineClassifiesOnForm01AndTheOfficerCorrectsItFromThePrefilledVerification() {
        String childName = uniqueChildName();
        signIn("hotline");
        browser.manage().window().setSize(PHONE);
        fillReport(childName, "00004", 8);
        find(By.cssSelector("input[name=abuseForms][value=SEXUAL_ABUSE]")).click();
        find(By.cssSelector("input[name=abuseSubtypes][value=MOLESTATION]")).click();
        new Select(find(By.id("environment"))).selectByValue("SCHOOL");
        new Select(find(By.id("perpetratorRelation"))).selectByValue("TEACHER");
        find(By.cssSelector("input[name=specialCircumstances][value=SEXUALLY_ABUSED]")).click();
        screenshot("report-classified-360");
        find(By.id("report-submit")).click();
        waitFor(d -> d.getCurrentUrl().contains("/cases/"));
        UUID caseId = UUID.fromString(browser.getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]{36}).*", "$1"));
        assertThat(all(By.id("classification"))).as("the receiving point sees only its part").isEmpty();
        signOut();

        signIn("officer");
        open("/cases/" + caseId);
        assertThat(text(By.id("classification"))).contains("Dâm ô", "Trường học", "Giáo viên, nhân viên nhà trường",
                "Bị xâm hại tình dục");
        browser.manage().window().setSize(DESKTOP);
        open("/tasks/" + taskOf("officer", caseId, "verify_report").get("taskId").asText());
        waitForForm();
        assertThat(text(By.cssSelector("[id$='-Field_verify_environment-display']"))).isEqualTo("Trường học");
        assertThat(find(By.cssSelector("[id$='-Field_verify_abuseSubtypes-8']")).isSelected()).as("Dâm ô").isTrue();
        chooseRadio("Field_verify_abuseConfirmed", 0);
        chooseOption("Field_verify_riskLevel", "Thấp");
        find(By.cssSelector("[id$='-Field_verify_initialHarmAssessment']")).sendKeys("Trẻ hoảng sợ", Keys.TAB);
        // the list opens on the pre-filled value: the new one is picked with the mouse
        find(By.cssSelector("[id$='-Field_verify_environment-display']")).click();
        all(By.cssSelector(".fjs-dropdownlist-item")).stream().filter(item -> item.getText().equals("Gia đình"))
                .findFirst().orElseThrow().click();
        waitFor(d -> d.findElement(By.cssSelector("[id$='-Field_verify_environment-display']")).getText()
                .equals("Gia đình"));
        screenshot("task-verify-classification");
        find(By.id("task-form-submit")).click();

        waitFor(d -> d.getCurrentUrl().contains("/tasks?done"));
        var classification = as("officer").get("/api/cases/" + caseId + "/classification").expect(200).body()
                .get("classification");
        assertThat(classification.get("environment").asText()).isEqualTo("FAMILY");
        assertThat(classification.get("abuseSubtypes").get(0).asText()).isEqualTo("MOLESTATION");
        assertThat(classification.get("perpetrator").get("relation").asText()).isEqualTo("TEACHER");
    }

    @Test
    void serverFieldErrorsAreShownBesideTheFieldsOfTheRenderedForm() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        String taskId = taskOf("officer", caseId, "draft_plan").get("taskId").asText();

        signIn("officer");
        open("/tasks/" + taskId);
        waitForForm();
        find(By.cssSelector("[id$='-Field_plan_planSummary']")).sendKeys("Theo dõi an toàn tại nhà");
        chooseOption("Field_plan_measures_measureType_0", "Theo dõi an toàn");
        chooseOption("Field_plan_measures_responsibleRole_0", "Công an");
        find(By.cssSelector("[id$='-Field_plan_measures_description_0']")).sendKeys("Công an khu vực ghé thăm hằng tuần");
        // both after the case's receipt (today), the end before the start
        typeDate("Field_plan_measures_startDate_0", today().plusDays(20).toString());
        typeDate("Field_plan_measures_endDate_0", today().plusDays(1).toString());
        find(By.id("task-form-submit")).click();

        WebElement alert = find(By.id("task-form-alert"));
        waitFor(d -> alert.isDisplayed());
        assertThat(alert.getText()).contains("Dữ liệu không hợp lệ");
        WebElement endField = find(By.xpath("//*[contains(@id,'Field_plan_measures_endDate_0')]"
                + "/ancestor::*[contains(@class,'fjs-form-field')][1]"));
        waitFor(d -> endField.getText().contains("Ngày kết thúc phải sau ngày bắt đầu."));
        screenshot("task-server-errors");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks/" + taskId);
        assertThat(hasTask("officer", caseId, "draft_plan")).as("nothing was completed").isTrue();
    }

    @Test
    void duplicateReportOfTheSameChildWithoutToneMarksIsCaughtAndLinkedToItsCase() {
        String childName = uniqueChildName();
        var first = report(COMMUNE_A, Instant.now().minusSeconds(3600), childName);
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", first).expect(201).body().get("id").asText());
        String caseNumber = as("hotline").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
        int reportsBefore = count("select count(*) from report where case_id = ?", caseId);

        signIn("hotline");
        fillReport(withoutToneMarks(childName), "00004", 9);
        find(By.id("report-submit")).click();

        WebElement duplicates = find(By.id("duplicates"));
        assertThat(duplicates.getText()).contains(caseNumber).contains(childName);
        screenshot("report-duplicates");
        // the button carries a match reference, not the case id: a listed case the user may not see opens nothing
        WebElement link = duplicates.findElement(
                By.xpath(".//li[contains(., '" + caseNumber + "')]//button[@name='linkTo']"));
        assertThat(link.getAttribute("value")).isNotEqualTo(caseId.toString());
        link.click();

        waitFor(d -> d.getCurrentUrl().contains("/cases/" + caseId));
        assertThat(pageText()).contains("Thông tin đã được bổ sung vào hồ sơ " + caseNumber)
                .contains("Trẻ có vết bầm trên tay, sợ về nhà");
        assertThat(count("select count(*) from report where case_id = ?", caseId)).isEqualTo(reportsBefore + 1);
    }

    /** Issue 9 item 4: the hotline searches the whole province and joins the report to another commune's case. */
    @Test
    void hotlineAddsABaDinhReportToTheNgocHaCaseItSeesOnlyByCommuneInitialsAndAge() {
        String name = uniqueChildName();
        UUID caseId = UUID.fromString(as("officer.ngocha").post("/api/reports", report(COMMUNE_B, Instant.now(), name))
                .expect(201).body().get("id").asText());

        signIn("hotline");
        fillReport(name, COMMUNE_A, 9);
        find(By.id("report-submit")).click();

        WebElement match = find(By.cssSelector("#duplicates li[data-commune='" + COMMUNE_B + "']"));
        assertThat(match.getText()).contains("Ngọc Hà").contains("T.").contains("9 tuổi")
                .doesNotContain(name.substring(name.indexOf(' ') + 1));
        screenshot("report-duplicate-other-commune-phone");
        match.findElement(By.cssSelector("button[name=linkTo]")).click();

        waitForText("(Ngọc Hà)");
        assertThat(browser.getCurrentUrl()).as("the case stays closed to the hotline").contains("/reports/new");
        assertThat(count("select count(*) from report where case_id = ? and linked", caseId)).isOne();
    }

    @Test
    void incompleteReportIsRefusedWithEachReasonBesideItsField() {
        signIn("hotline");
        new Select(find(By.id("communeCode"))).selectByValue("00004");
        find(By.id("child-fullName")).sendKeys(uniqueChildName());
        find(By.id("report-submit")).click();

        assertThat(text(By.id("child-sex-error"))).isEqualTo("Bắt buộc nhập.");
        assertThat(text(By.id("place-error"))).isEqualTo("Bắt buộc nhập.");
        assertThat(find(By.id("place")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find(By.id("child-fullName")).getAttribute("value")).startsWith("Trương");
        screenshot("report-errors");
    }

    @Test
    void officerClaimsATaskAndHandsItBack() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = as("officer").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
        signIn("officer");
        taskRow(caseNumber, "verify_report").findElement(By.xpath(".//button[normalize-space()='Nhận việc']")).click();
        waitForText("Bạn đã nhận công việc.");
        assertThat(taskRow(caseNumber, "verify_report").getText()).contains("Bạn đang xử lý");
        assertThat(taskOf("officer", caseId, "verify_report").get("assignee").asText()).isEqualTo("officer");

        taskRow(caseNumber, "verify_report").findElement(By.xpath(".//button[normalize-space()='Trả lại']")).click();
        waitForText("Công việc đã được trả lại cho cơ quan.");
        assertThat(taskOf("officer", caseId, "verify_report").has("assignee")).isFalse();
    }

    // --- helpers ------------------------------------------------------------------------------

    static String uniqueChildName() {
        String[] given = {"An", "Bình", "Chi", "Dũng", "Giang", "Hạnh", "Khoa", "Linh", "Minh", "Ngọc", "Phúc", "Quân"};
        var random = ThreadLocalRandom.current();
        return "Trương " + given[random.nextInt(given.length)] + " " + given[random.nextInt(given.length)] + " "
                + Long.toString(random.nextLong(1L << 40, 1L << 41), 36).replaceAll("\\d", "").toUpperCase();
    }

    static String withoutToneMarks(String name) {
        return java.text.Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
    }

    void fillReport(String childName, String communeCode, int age) {
        new Select(find(By.id("communeCode"))).selectByValue(communeCode);
        find(By.id("child-fullName")).sendKeys(childName);
        new Select(find(By.id("child-sex"))).selectByValue("FEMALE");
        find(By.id("child-estimatedAge")).sendKeys(String.valueOf(age));
        find(By.cssSelector("input[name=category][value=ABUSED]")).click();
        find(By.cssSelector("input[name=abuseForms][value=VIOLENCE]")).click();
        find(By.id("place")).sendKeys("Tổ 7, phường Ba Đình");
        find(By.id("currentCondition")).sendKeys("Trẻ có vết bầm trên tay, sợ về nhà");
        find(By.id("familySituation")).sendKeys("Cha mẹ ly thân, bố hay uống rượu");
    }

    WebElement taskRow(String caseNumber, String stepKey) {
        return find(By.cssSelector("li.task[data-case-number='" + caseNumber + "'][data-step='" + stepKey + "']"));
    }

    void waitForForm() {
        try {
            find(By.cssSelector("#task-form[data-ready=true]"));
        } catch (RuntimeException e) {
            screenshot("form-not-ready");
            System.out.println("FORM NOT READY: " + browser.getPageSource().substring(0, Math.min(6000, browser.getPageSource().length())));
            System.out.println("LOGS: " + browser.manage().logs().get("browser").getAll());
            throw e;
        }
        waitFor(d -> d.findElement(By.id("task-form-submit")).isEnabled());
    }

    void chooseRadio(String componentId, int index) {
        find(By.cssSelector("[id$='-" + componentId + "-" + index + "']")).click();
    }

    /** form-js draws its own drop-down: open it and pick the option with the keyboard, as a keyboard user does. */
    void chooseOption(String componentId, String label) {
        find(By.cssSelector("[id$='-" + componentId + "-display']")).click();
        List<String> options = all(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText).toList();
        int index = options.indexOf(label);
        assertThat(index).as("option %s among %s", label, options).isNotNegative();
        WebElement input = find(By.cssSelector("input[id$='-" + componentId + "']"));
        for (int i = 0; i < index; i++) {
            input.sendKeys(Keys.ARROW_DOWN);
        }
        input.sendKeys(Keys.ENTER);
        waitFor(d -> d.findElement(By.cssSelector("[id$='-" + componentId + "-display']")).getText().equals(label));
    }

    void typeDate(String componentId, String isoDate) {
        WebElement input = find(By.cssSelector("[id$='-" + componentId + "-date']"));
        input.click();
        String[] p = isoDate.split("-");
        // typed day first, as a case worker in Vietnam writes a date
        input.sendKeys(p[2] + "/" + p[1] + "/" + p[0]);
        input.sendKeys(Keys.ENTER);
    }

}
