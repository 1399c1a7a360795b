package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 11 item 6: the case file's timeline reads as sentences about people and agencies — no "system", no agency
 * ids, no ISO times — with each step's answers under its form's labels in its form's order, and "who read it" as one
 * line a person with how often and when last.
 */
class CaseTimelineBrowserTests extends BrowserTest {

    @Test
    void theTimelineNamesPeopleAndAgenciesAndTheEnginesOwnStepsInVietnamTime() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));

        signIn("officer");
        open("/cases/" + caseId);
        String timeline = text(By.cssSelector(".timeline"));
        screenshot("case-timeline");
        assertThat(timeline).doesNotContainIgnoringCase("system").doesNotContain("committee-00004")
                .doesNotContain("child-protection-00004").doesNotContain("hotline-111");
        assertThat(pageText()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        WebElement forwarded = find(By.cssSelector(".timeline li[data-step='forward_to_commune']"));
        assertThat(forwarded.getText()).contains("Hệ thống Trẻ An tự động chuyển thông tin đến UBND phường Ba Đình lúc")
                .contains("Tổng đài điện thoại quốc gia bảo vệ trẻ em 111")
                .containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(find(By.cssSelector(".timeline li[data-step='verify_report']")).getText())
                .contains("Nguyễn Văn An (cán bộ BVTE Ba Đình)");
    }

    @Test
    void aStepsAnswersFollowItsFormsOrderUnderItsLabels() throws IOException {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        Map<String, Object> values = verification(false);
        complete("officer", caseId, "verify_report", values);

        signIn("officer");
        open("/cases/" + caseId);
        WebElement verify = find(By.cssSelector(".timeline li[data-step='verify_report']"));
        List<String> shownKeys = new ArrayList<>();
        List<String> shownLabels = new ArrayList<>();
        for (WebElement dt : verify.findElements(By.cssSelector("dl.recorded dt"))) {
            shownKeys.add(dt.getAttribute("data-key"));
            shownLabels.add(dt.getText());
        }
        List<String[]> form = formFields("verify_report");
        List<String> expectedKeys = form.stream().map(f -> f[0]).filter(shownKeys::contains).toList();
        List<String> expectedLabels = form.stream().filter(f -> shownKeys.contains(f[0])).map(f -> f[1]).toList();
        assertThat(shownKeys).as("every answer given is shown").containsAll(values.keySet());
        assertThat(shownKeys.subList(0, expectedKeys.size())).as("in the form's order").isEqualTo(expectedKeys);
        assertThat(shownLabels.subList(0, expectedLabels.size())).isEqualTo(expectedLabels);
        assertThat(shownLabels).doesNotContain("riskLevel", "abuseConfirmed", "initialHarmAssessment");
        String text = verify.getText();
        assertThat(text).contains("Mức độ nguy cơ\nThấp").contains("Có xảy ra xâm hại không?\nCó")
                .doesNotContain("low");
    }

    @Test
    void whoReadTheFileIsOneLineAPersonWithHowOftenAndWhenLast() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        html("officer", "/cases/" + caseId);
        html("officer", "/cases/" + caseId);
        html("chairman", "/cases/" + caseId);

        signIn("officer");
        open("/cases/" + caseId);
        List<String> lines = all(By.cssSelector(".readers li")).stream().map(WebElement::getText).toList();
        screenshot("case-readers");
        int officerReads = count("""
                select count(*) from trean.audit_event where case_id = ? and actor = 'officer' and action = 'CASE_READ'""",
                caseId);
        assertThat(officerReads).isGreaterThanOrEqualTo(3);
        assertThat(lines.stream().filter(l -> l.startsWith("Nguyễn Văn An"))).as("one line for the officer")
                .singleElement().asString().contains(officerReads + " lần").containsPattern("lần cuối \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(lines.stream().filter(l -> l.startsWith("Lê Minh Châu"))).singleElement().asString().contains("1 lần");
        assertThat(lines.get(0)).as("the latest reader first").startsWith("Nguyễn Văn An");
    }

    @Test
    void aFormDeployedAgainWithAnotherLabelRelabelsTheTimeline() throws IOException {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        String shipped = shippedForm("verify_report");
        String relabelled = shipped.replace("\"Mức độ nguy cơ\"", "\"Mức độ nguy cơ ban đầu\"");
        assertThat(relabelled).isNotEqualTo(shipped);

        deployForm("verify_report", relabelled);
        try {
            signIn("officer");
            open("/cases/" + caseId);
            assertThat(find(By.cssSelector(".timeline li[data-step='verify_report']")).getText())
                    .contains("Mức độ nguy cơ ban đầu\nThấp");
        } finally {
            deployForm("verify_report", shipped);
        }
    }

    private void deployForm(String formId, String schema) {
        repositoryService.createDeployment().name("timeline labels " + formId)
                .addString(formId + ".form", schema).deploy();
    }

    private String shippedForm(String formId) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/forms/" + formId + ".form")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The keys and labels of the form as the engine has it now, depth first: what the timeline is expected to follow. */
    private List<String[]> formFields(String formId) throws IOException {
        String deployed = jdbc.sql("""
                        select convert_from(b.bytes_, 'UTF8') from act_re_camformdef f
                          join act_ge_bytearray b on b.deployment_id_ = f.deployment_id_ and b.name_ = f.resource_name_
                         where f.key_ = ? order by f.version_ desc limit 1""")
                .param(formId).query(String.class).optional().orElse(shippedForm(formId));
        List<String[]> fields = new ArrayList<>();
        collect(json.readTree(deployed).path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, List<String[]> fields) {
        for (JsonNode c : components) {
            String key = c.hasNonNull("key") ? c.get("key").asText() : c.path("path").asText(null);
            if (key != null && c.hasNonNull("label") && fields.stream().noneMatch(f -> f[0].equals(key))) {
                fields.add(new String[] {key, c.get("label").asText()});
            }
            collect(c.path("components"), fields);
        }
    }
}
