package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 11, item 9: the task form looks like the app, tells what comes next, and claiming is explicit. */
class TaskFormBrowserTests extends BrowserTest {

    @Autowired
    TaskService engineTasks;

    @Test
    void aRadioGroupIsOneQuestionAFieldsetWhoseLegendIsTheQuestionAndLabelsAreAtTheAppsSize() {
        String taskId = verificationTask();
        signIn("officer");
        openForm(taskId);

        WebElement legend = find(By.cssSelector("fieldset.fjs-form-field-radio > legend.fjs-form-field-label"));
        assertThat(legend.getText()).contains("Có xảy ra xâm hại không?");
        WebElement group = legend.findElement(By.xpath(".."));
        assertThat(group.findElements(By.cssSelector("input[type=radio]"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(script("return getComputedStyle(document.querySelector('#task-form .fjs-form-field-label')).fontSize"))
                .isEqualTo(script("return getComputedStyle(document.body).fontSize"));
    }

    @Test
    void onAPhoneTheCaseSummaryIsFoldedSoThatTheFormStartsOnTheFirstScreen() {
        String taskId = verificationTask();
        signIn("officer");
        browser.manage().window().setSize(PHONE);
        try {
            openForm(taskId);
            assertThat(find(By.id("case-summary")).getAttribute("open")).isNull();
            long formTop = ((Number) script("return document.getElementById('task-form').getBoundingClientRect().top"))
                    .longValue();
            assertThat(formTop).isLessThan(PHONE.getHeight());
            screenshot("task-form-phone");
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    void theDoneMessageNamesTheNextStepAndTheAgencyThatHasIt() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        signIn("officer");
        openForm(taskId);
        // the form goes where its data-done-url says once the server has taken it (CaseWorkBrowserTests submits
        // a whole form); here the step is completed through the same API the form calls
        String doneUrl = find(By.id("task-form")).getAttribute("data-done-url");
        assertThat(doneUrl).isEqualTo("/tasks?done=verify_report&task=" + taskId);
        complete("officer", caseId, "verify_report", verification(true));
        open(doneUrl);
        waitFor(d -> d.getCurrentUrl().contains("/tasks?done"));
        assertThat(pageText()).contains("Đã hoàn thành công việc.");
        String chairmansAgency = jdbc.sql("select a.name from agency a join app_user u on u.agency_id = a.id "
                + "where u.username = 'chairman'").query(String.class).single();
        WebElement next = find(By.cssSelector("#next-steps li[data-step='emergency_intervention']"));
        assertThat(next.getText()).startsWith("Bước tiếp theo: ").contains(chairmansAgency).endsWith("xử lý.");
        screenshot("task-done");
    }

    @Test
    void aTaskTheAgencySharesIsClaimedExplicitlyAndOneAColleagueClaimedSaysWhoHasIt() {
        String colleague = "dongnghiep." + UUID.randomUUID().toString().substring(0, 8);
        String agency = jdbc.sql("select agency_id from app_user where username = 'officer'").query(String.class).single();
        as("admin").post("/api/admin/users", Map.of("username", colleague, "displayName", "Cán bộ Đồng Nghiệp",
                "role", "COMMUNE_OFFICER", "agencyId", agency)).expect(201);
        try {
            String shared = verificationTask();
            String claimed = verificationTask();
            engineTasks.setAssignee(claimed, colleague);

            signIn("officer");
            openForm(shared);
            WebElement claim = find(By.id("task-claim"));
            assertThat(claim.findElement(By.tagName("button")).getText()).isEqualTo("Nhận việc");
            assertThat(claim.getText()).contains("nhận việc để đồng nghiệp biết bạn đang xử lý");
            claim.findElement(By.tagName("button")).click();
            waitFor(d -> d.findElement(By.cssSelector(".task-actions")).getText().contains("Bạn đang xử lý"));
            assertThat(taskOf("officer", caseOf(shared), "verify_report").get("assignee").asText()).isEqualTo("officer");

            open("/tasks/" + claimed);
            assertThat(text(By.tagName("h1"))).isEqualTo("Công việc đã có người nhận");
            assertThat(pageText()).contains("Công việc đang do Cán bộ Đồng Nghiệp xử lý.");
        } finally {
            // the officer's agency is every test's: the colleague leaves it as it was
            jdbc.sql("update app_user set enabled = false where username = ?").param(colleague).update();
        }
    }

    private UUID caseOf(String taskId) {
        return UUID.fromString(engineTasks.getVariable(taskId, "caseId").toString());
    }

    private String verificationTask() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        return taskOf("officer", caseId, "verify_report").get("taskId").asText();
    }

    private void openForm(String taskId) {
        open("/tasks/" + taskId);
        find(By.cssSelector("#task-form[data-ready=true]"));
        waitFor(d -> d.findElement(By.id("task-form-submit")).isEnabled());
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }
}
