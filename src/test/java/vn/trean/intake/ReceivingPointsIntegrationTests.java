package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Every receiving point Decree 56 Art. 25 names can file (issue 9, item 5): the school (school violence),
 * the health facility and the province department through Form 01, the village collaborator through the
 * short form, following only the status of their own reports.
 */
class ReceivingPointsIntegrationTests extends ApiIntegrationTest {

    private static final String COLLABORATOR = "ctv.badinh";
    /** Đồng Hới, Quảng Trị: a commune of another province than Ba Đình's (Hà Nội). */
    private static final String COMMUNE_OF_ANOTHER_PROVINCE = "18880";

    @Test
    void aTeacherFilesASchoolViolenceReportAndTheCommuneOfficerGetsTheVerificationTask() {
        Map<String, Object> report = report(COMMUNE_A, Instant.now().minus(Duration.ofMinutes(30)), unique("Lê Văn Tú"));
        report.put("channel", "IN_PERSON");
        report.put("place", "Trường Tiểu học phường Ba Đình, lớp 4A");
        report.put("currentCondition", "Bị bạn cùng lớp đánh hội đồng, bầm tím ở lưng");

        Response filed = as("teacher").post("/api/reports", report).expect(201);
        UUID caseId = UUID.fromString(filed.body().get("id").asText());

        JsonNode task = taskOf("officer", caseId, "verify_report");
        assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("child-protection-" + COMMUNE_A);
        assertThat(jdbc.sql("select receiving_agency_id from report where case_id = :c").param("c", caseId)
                .query(String.class).single()).as("the report names the school as its receiving body").isEqualTo("school-" + COMMUNE_A);
    }

    @Test
    void aFilerReadsTheCaseOfTheReportTheyFiledAsTheHotlineDoesNotTheWholeCaseFile() {
        Response filed = as("health").post("/api/reports",
                report(COMMUNE_A, Instant.now().minus(Duration.ofMinutes(10)), unique("Trần Bảo Ngọc"))).expect(201);
        UUID caseId = UUID.fromString(filed.body().get("id").asText());

        JsonNode seen = as("health").get("/api/cases/" + caseId).expect(200).body();
        assertThat(seen.get("report").get("receivingAgencyId").asText()).isEqualTo("health-station-" + COMMUNE_A);
        assertThat(as("teacher").get("/api/cases/" + caseId).status()).as("another receiving point").isEqualTo(404);
    }

    @Test
    void theProvinceSupervisorFilesAReportForACommuneOfTheirProvince() {
        Response filed = as("supervisor").post("/api/reports",
                report(COMMUNE_B, Instant.now().minus(Duration.ofMinutes(5)), unique("Phạm Gia Huy"))).expect(201);
        UUID caseId = UUID.fromString(filed.body().get("id").asText());

        assertThat(taskOf("officer.ngocha", caseId, "verify_report").get("candidateGroups"))
                .extracting(JsonNode::asText).containsExactly("child-protection-" + COMMUNE_B);
    }

    @Test
    void aCollaboratorFilesAShortReportAndFollowsItsStatusUntilTheOfficerHasVerifiedIt() {
        String child = unique("bé trai nhà ông Tư");
        Instant learnedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Response filed = as(COLLABORATOR).withHeader("Idempotency-Key", "ctv-" + UUID.randomUUID())
                .post("/api/reports/quick", quickReport(child, learnedAt)).expect(201);
        String caseNumber = filed.body().get("caseNumber").asText();
        assertThat(filed.body().has("id")).as("no case id for one who may not open the case").isFalse();
        UUID caseId = jdbc.sql("select id from case_file where case_number = :n").param("n", caseNumber)
                .query(UUID.class).single();

        assertThat(stageOf(caseNumber)).isEqualTo("BEING_VERIFIED");
        JsonNode task = taskOf("officer", caseId, "verify_report");
        assertThat(Instant.parse(task.get("dueAt").asText())).as("the 12 hours run from when the collaborator learned of it")
                .isEqualTo(learnedAt.plus(Duration.ofHours(12)));
        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("child").get("fullName").asText()).isEqualTo(child);
        assertThat(file.get("report").get("currentCondition").asText()).contains("KHẨN CẤP").contains("Bị cha đánh");

        complete("officer", caseId, "verify_report", verification(false));

        assertThat(stageOf(caseNumber)).isEqualTo("BEING_HANDLED");
    }

    @Test
    void aCollaboratorReadsNeitherTheCaseOfTheirOwnReportNorAnyTaskNorTheBoard() {
        Response filed = as(COLLABORATOR).post("/api/reports/quick",
                quickReport(unique("bé gái"), Instant.now().minus(Duration.ofMinutes(20)))).expect(201);
        UUID caseId = jdbc.sql("select id from case_file where case_number = :n")
                .param("n", filed.body().get("caseNumber").asText()).query(UUID.class).single();

        assertThat(as(COLLABORATOR).get("/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(as(COLLABORATOR).get("/api/cases/" + caseId + "/documents").status()).isEqualTo(404);
        assertThat(as(COLLABORATOR).get("/api/tasks").status()).isEqualTo(403);
        assertThat(as(COLLABORATOR).get("/api/board").status()).isEqualTo(403);
        assertThat(as(COLLABORATOR).get("/api/notifications").status()).isEqualTo(403);
        assertThat(as(COLLABORATOR).post("/api/reports", report(COMMUNE_A, Instant.now(), unique("Hoà"))).status())
                .as("the full form is the receiving points' of Form 01").isEqualTo(403);
        JsonNode mine = as(COLLABORATOR).get("/api/reports/mine").expect(200).body();
        JsonNode row = rowOf(mine, filed.body().get("caseNumber").asText());
        assertThat(row.get("communeName").asText()).isEqualTo("Ba Đình");
        assertThat(row.has("child")).isFalse();
        assertThat(row.has("caseId")).isFalse();
    }

    @Test
    void aCollaboratorOfBaDinhCannotFileForACommuneOfAnotherProvince() {
        Map<String, Object> report = quickReport(unique("bé"), Instant.now());
        report.put("communeCode", COMMUNE_OF_ANOTHER_PROVINCE);
        int before = count("select count(*) from report where receiving_officer = ?", COLLABORATOR);

        Response refused = as(COLLABORATOR).inLanguage("en").post("/api/reports/quick", report).expect(400);

        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("communeCode");
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("your own province");
        assertThat(count("select count(*) from report where receiving_officer = ?", COLLABORATOR)).isEqualTo(before);
    }

    @Test
    void aShortReportIsCheckedByTheSameRulesAndItsRefusalNamesTheShortFormsFields() {
        Response refused = as(COLLABORATOR).inLanguage("en").post("/api/reports/quick",
                quickReport(unique("bé"), Instant.now().plus(Duration.ofHours(3)))).expect(400);

        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("learnedAt");
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("future");
    }

    @Test
    void aRetriedShortReportWithTheSameKeyFilesOnce() {
        Map<String, Object> report = quickReport(unique("bé"), Instant.now().minus(Duration.ofMinutes(3)));
        String key = "ctv-retry-" + UUID.randomUUID();
        String first = as(COLLABORATOR).withHeader("Idempotency-Key", key).post("/api/reports/quick", report)
                .expect(201).body().get("caseNumber").asText();
        String again = as(COLLABORATOR).withHeader("Idempotency-Key", key).post("/api/reports/quick", report)
                .expect(201).body().get("caseNumber").asText();

        assertThat(again).isEqualTo(first);
    }

    private Map<String, Object> quickReport(String child, Instant learnedAt) {
        Map<String, Object> report = new HashMap<>();
        report.put("whatHappened", "Bị cha đánh, khóc ngoài ngõ");
        report.put("child", child);
        report.put("ageRange", "AGE_6_TO_10");
        report.put("place", "Tổ dân phố 3, phường Ba Đình");
        report.put("urgent", true);
        report.put("learnedAt", learnedAt.toString());
        return report;
    }

    private String stageOf(String caseNumber) {
        return rowOf(as(COLLABORATOR).get("/api/reports/mine").expect(200).body(), caseNumber).get("stage").asText();
    }

    private static JsonNode rowOf(JsonNode mine, String caseNumber) {
        for (JsonNode row : mine) {
            if (row.get("caseNumber").asText().equals(caseNumber)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + caseNumber + " in " + mine);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
