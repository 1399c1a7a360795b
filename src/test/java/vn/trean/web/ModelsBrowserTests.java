package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ShippedModels;

/**
 * Process owners change a model in the browser. Every deployment made here becomes the latest version
 * that other test classes start cases on, so each test leaves the shipped models as the latest, and no draft.
 */
class ModelsBrowserTests extends BrowserTest {

    private static final String PROCESS = "case_intervention.bpmn";
    private static final String OLD_NAME = "Xác minh, đánh giá nguy cơ ban đầu";
    private static final String NEW_NAME = "Xác minh thông tin ban đầu";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void shippedModelsStayLatest() throws Exception {
        jdbc.sql("delete from model_draft").update();
        if (!ShippedModels.latestIsShipped(repository)) {
            HttpResponse<String> restored = deploy(ShippedModels.files(), "Khôi phục mô hình gốc sau kiểm thử");
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
        }
    }

    @Test
    void ownerRenamesAStepAndChangesItsDeadlineInTheModelerThenNewReportsFollowWhileOlderCasesStay() {
        UUID older = fileReport(COMMUNE_A, Instant.now());
        String olderDefinition = definitionOf(older);

        signIn("owner");
        open("/models");
        find(By.cssSelector("li[data-resource='" + PROCESS + "'] a")).click();
        waitFor(d -> "true".equals(d.findElement(By.id("editor")).getAttribute("data-ready")));

        // select the step on the canvas, then rename it and change its deadline in the properties panel
        find(By.cssSelector("g.djs-element[data-element-id='task_verify_report']")).click();
        waitFor(d -> "task_verify_report".equals(d.findElement(By.id("bio-properties-panel-id")).getAttribute("value")));
        type(panelField("group-general", "bio-properties-panel-name"), NEW_NAME);
        type(panelField("group-CamundaPlatform__UserAssignment", "bio-properties-panel-dueDate"), "PT10H");
        waitFor(d -> NEW_NAME.equals(script("return window.treAnEditor.get('elementRegistry')"
                + ".get('task_verify_report').businessObject.name")));
        waitFor(d -> "PT10H".equals(script("return window.treAnEditor.get('elementRegistry')"
                + ".get('task_verify_report').businessObject.get('camunda:dueDate')")));
        screenshot("models-editor");

        find(By.id("save-draft")).click();
        waitFor(d -> d.findElement(By.id("editor-status")).getText().equals("Đã lưu bản nháp."));
        find(By.id("show-changes")).click();
        WebElement renamed = find(By.cssSelector("#changes li[data-kind=RENAMED][data-element=task_verify_report]"));
        assertThat(renamed.getText()).contains(OLD_NAME).contains(NEW_NAME);
        assertThat(text(By.cssSelector("#changes li[data-kind=DUE_DATE][data-element=task_verify_report]")))
                .contains("${windowEndsAt}").contains("PT10H");

        find(By.id("deploy-note")).sendKeys("Đổi tên bước xác minh; hạn 10 giờ");
        find(By.id("deploy")).click();
        waitFor(d -> d.findElement(By.id("editor-status")).getText().startsWith("Đã triển khai"));

        UUID newer = fileReport(COMMUNE_A, Instant.now());
        assertThat(definitionOf(newer)).isNotEqualTo(olderDefinition);
        assertThat(taskOf("officer", newer, "verify_report").get("name").asText()).isEqualTo(NEW_NAME);
        assertThat(definitionOf(older)).isEqualTo(olderDefinition);
        assertThat(taskOf("officer", older, "verify_report").get("name").asText()).isEqualTo(OLD_NAME);

        open("/models");
        WebElement latest = find(By.cssSelector("table.versions[data-key=case_intervention] tbody tr"));
        assertThat(latest.getText()).contains("Đổi tên bước xác minh; hạn 10 giờ").contains("owner").contains("mới nhất");
        screenshot("models");
    }

    @Test
    void officersHaveNoModelsPage() {
        signIn("officer");
        assertThat(all(By.linkText("Mô hình quy trình"))).isEmpty();
        open("/models");
        assertThat(text(By.tagName("h1"))).isEqualTo("Không có quyền");
    }

    @Test
    void deployingWithoutANoteIsRefusedWithAMessage() {
        int before = latestCaseProcessVersion();
        signIn("owner");
        open("/models");
        find(By.id("upload-files")).sendKeys(Path.of("bpmn", PROCESS).toAbsolutePath().toString());
        find(By.cssSelector("#upload-form button[type=submit]")).click();
        assertThat(text(By.id("problem"))).isEqualTo("Cần ghi chú thay đổi trước khi triển khai.");
        assertThat(latestCaseProcessVersion()).isEqualTo(before);
    }

    @Test
    void ownerPreviewsMovingRunningCasesToAnotherVersionMovesThemAndSeesWhereEachIsNow() throws Exception {
        UUID waiting = fileReport(COMMUNE_A, Instant.now());
        UUID assessing = fileReport(COMMUNE_A, Instant.now());
        complete("officer", assessing, "verify_report", verification(false));
        String source = definitionOf(waiting);
        Map<String, byte[]> files = ShippedModels.files();
        files.put(PROCESS, new String(files.get(PROCESS), StandardCharsets.UTF_8)
                .replace("task_assess_needs", "task_assess_needs_v2").getBytes(StandardCharsets.UTF_8));
        assertThat(deploy(files, "Tách bước đánh giá nhu cầu").statusCode()).isEqualTo(201);
        String target = repository.createProcessDefinitionQuery().processDefinitionKey("case_intervention")
                .latestVersion().singleResult().getId();

        signIn("owner");
        open("/models");
        new Select(find(By.id("migration-source"))).selectByValue(source);
        new Select(find(By.id("migration-target"))).selectByValue(target);
        find(By.cssSelector("#migration form[action$='/migration/preview'] button")).click();
        WebElement canMove = find(By.cssSelector("#migration-preview tr[data-instance='" + instanceOf(waiting) + "']"));
        assertThat(canMove.getAttribute("data-can-move")).isEqualTo("true");
        WebElement cannot = find(By.cssSelector("#migration-preview tr[data-instance='" + instanceOf(assessing) + "']"));
        assertThat(cannot.getAttribute("data-can-move")).isEqualTo("false");
        assertThat(cannot.getText()).contains("task_assess_needs");
        screenshot("models-migration-preview");

        // other test classes' cases run on the same version: move only this test's case
        script("document.querySelectorAll('#migration-preview input[name=instance]').forEach(c => c.checked = c.value === arguments[0])",
                instanceOf(waiting));
        find(By.cssSelector("#migration-run button[type=submit]")).click();
        find(By.id("migration-result"));
        runBatchJobs();
        find(By.cssSelector("#migration a[href*='/models/migration/result']")).click();
        WebElement moved = find(By.cssSelector("#migration-result tr[data-instance='" + instanceOf(waiting) + "']"));
        assertThat(moved.getText()).contains(target);
        assertThat(pageText()).contains("Đã xong.");
        assertThat(definitionOf(assessing)).isEqualTo(source);
    }

    @Test
    void modelsAreListedByTheirNamesAndTheModelerSpeaksVietnameseFitsTheDiagramAndAnswersDeployBesideItsButton() {
        signIn("owner");
        open("/models");
        assertThat(text(By.cssSelector("li[data-resource='" + PROCESS + "'] a"))).isEqualTo("Xử lý vụ việc bảo vệ trẻ em");
        assertThat(text(By.cssSelector("li[data-resource='emergency_criteria.dmn'] a")))
                .isEqualTo("Trường hợp khẩn cấp (Điều 31 NĐ 56/2017)");
        assertThat(text(By.cssSelector("li[data-resource='verify_report.form'] a"))).isEqualTo(OLD_NAME);

        find(By.cssSelector("li[data-resource='" + PROCESS + "'] a")).click();
        waitFor(d -> "true".equals(d.findElement(By.id("editor")).getAttribute("data-ready")));
        // the palette and the properties panel through the modeler's translation service
        assertThat(find(By.cssSelector(".djs-palette .entry[data-action='create.task']"))
                .getAttribute("aria-label")).isEqualTo("Tạo công việc");
        find(By.cssSelector("g.djs-element[data-element-id='task_verify_report']")).click();
        waitFor(d -> "task_verify_report".equals(d.findElement(By.id("bio-properties-panel-id")).getAttribute("value")));
        assertThat(text(By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header-title")))
                .isEqualTo("Thông tin chung");
        assertThat(find(By.cssSelector("label[for='bio-properties-panel-name']")).getAttribute("textContent")).isEqualTo("Tên");
        // fitted to the screen: the whole diagram lies inside the visible part of the canvas
        assertThat((Boolean) script("const v = window.treAnEditor.get('canvas').viewbox();"
                + "return v.inner.x >= v.x - 1 && v.inner.y >= v.y - 1"
                + " && v.inner.x + v.inner.width <= v.x + v.width + 1 && v.inner.y + v.inner.height <= v.y + v.height + 1;"))
                .isTrue();
        screenshot("models-editor-vi");

        // deploying without a note: refused, and said next to the button
        int versionBefore = latestCaseProcessVersion();
        find(By.id("deploy")).click();
        WebElement beside = find(By.cssSelector("#deploy-form #deploy-status"));
        waitFor(d -> beside.getAttribute("class").contains("error"));
        assertThat(beside.getText()).isNotBlank().isEqualTo(text(By.id("editor-status")));
        assertThat(latestCaseProcessVersion()).as("nothing deployed").isEqualTo(versionBefore);
    }

    @Test
    void theDecisionTableAndAFormOpenInTheirModelersWithTheVietnameseTranslation() {
        signIn("owner");
        for (String resource : List.of("emergency_criteria.dmn", "verify_report.form")) {
            open("/models/edit/" + resource);
            waitFor(d -> "true".equals(d.findElement(By.id("editor")).getAttribute("data-ready")));
            assertThat(text(By.id("editor-status"))).as(resource).doesNotContain("Không thực hiện được");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** Opens a group of the properties panel (they start closed) and returns one of its fields. */
    private WebElement panelField(String group, String fieldId) {
        List<WebElement> fields = all(By.id(fieldId));
        if (fields.isEmpty() || !fields.get(0).isDisplayed()) {
            find(By.cssSelector("[data-group-id='" + group + "'] .bio-properties-panel-group-header")).click();
            waitFor(d -> d.findElement(By.id(fieldId)).isDisplayed());
        }
        return find(By.id(fieldId));
    }

    private void type(WebElement field, String value) {
        script("arguments[0].scrollIntoView({block: 'center'})", field);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private HttpResponse<String> deploy(Map<String, byte[]> files, String note) {
        return multipart("owner", "/api/models/deployments", Map.of("note", note), "files", files);
    }
}
