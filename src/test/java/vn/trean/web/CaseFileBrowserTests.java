package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The case file page: who sees which parts of it, and what it tells about deadlines and documents. */
class CaseFileBrowserTests extends BrowserTest {

    private static final String FAMILY_SITUATION = "Bố mẹ ly thân, bố thường uống rượu";

    @Test
    void officerOfAnotherCommuneGetsTheSameNotFoundPageAsForAMissingCase() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        signIn("officer.ngocha");

        open("/cases/" + caseId);
        String hidden = find(By.id("main")).getText();
        screenshot("case-not-found");
        open("/cases/" + UUID.randomUUID());
        String missing = find(By.id("main")).getText();
        open("/cases/not-a-case");
        String malformed = find(By.id("main")).getText();

        assertThat(hidden).startsWith("Không tìm thấy").isEqualTo(missing).isEqualTo(malformed);
        assertThat(hidden).doesNotContain("Nguyễn Thị Hoà");
    }

    @Test
    void policeSeeTheChildAndTheirMeasureButNotTheFamilySituationNorTheCommunesRecords() {
        UUID caseId = caseWithApprovedPlan();

        signIn("police");
        open("/cases/" + caseId);
        String police = pageText();
        screenshot("case-police");
        assertThat(police).contains("Nguyễn Thị Hoà").contains("Trẻ bị xâm hại").contains("Công an khu vực ghé thăm hằng tuần");
        assertThat(police).doesNotContain(FAMILY_SITUATION).doesNotContain("Khám sức khoẻ định kỳ")
                .doesNotContain("Vết bầm nhẹ").doesNotContain("Ai đã xem hồ sơ");
        signOut();

        signIn("officer");
        open("/cases/" + caseId);
        String officer = pageText();
        screenshot("case-officer");
        assertThat(officer).contains(FAMILY_SITUATION).contains("Khám sức khoẻ định kỳ").contains("Vết bầm nhẹ")
                .contains("Ai đã xem hồ sơ").contains("Phạm Quốc Bảo");
    }

    @Test
    void timelineTellsHowLateAStepWasDone() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(14)));
        complete("officer", caseId, "verify_report", verification(false));

        signIn("officer");
        open("/cases/" + caseId);
        WebElement verify = find(By.cssSelector(".timeline li[data-step='verify_report']"));
        assertThat(verify.getText()).contains("trễ 2 giờ").contains("Nguyễn Văn An");
        assertThat(verify.getAttribute("class")).contains("late");
    }

    @Test
    void documentsAreUploadedAndARefusedFileSaysWhy() throws Exception {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        Path png = Files.createTempFile("bien-ban-", ".png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0});
        Path text = Files.createTempFile("ghi-chu-", ".txt");
        Files.writeString(text, "không phải PDF");

        signIn("officer");
        open("/cases/" + caseId);
        find(By.id("file")).sendKeys(png.toString());
        find(By.cssSelector("form.upload button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("documents")).getText().contains(png.getFileName().toString()));
        assertThat(find(By.id("documents")).getText()).contains("Đã tải lên");

        find(By.id("file")).sendKeys(text.toString());
        find(By.cssSelector("form.upload button[type=submit]")).click();
        assertThat(text(By.id("document-problem"))).contains("Chỉ nhận tệp PDF hoặc ảnh");
        assertThat(find(By.id("documents")).getText()).doesNotContain(text.getFileName().toString());
        screenshot("case-documents");
    }

    /** A case whose plan routes one measure to the police and one to the health station. */
    private UUID caseWithApprovedPlan() {
        var report = report(COMMUNE_A, Instant.now(), "Nguyễn Thị Hoà");
        report.put("familySituation", FAMILY_SITUATION);
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        complete("officer", caseId, "draft_plan", Map.of("planSummary", "Theo dõi an toàn", "measures", List.of(
                Map.of("measureType", "safety_monitoring", "responsibleRole", "police",
                        "description", "Công an khu vực ghé thăm hằng tuần", "startDate", today().toString(), "endDate", today().plusDays(30).toString()),
                Map.of("measureType", "medical_care", "responsibleRole", "health",
                        "description", "Khám sức khoẻ định kỳ", "startDate", today().toString(), "endDate", today().plusDays(30).toString()))));
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes"));
        return caseId;
    }
}
