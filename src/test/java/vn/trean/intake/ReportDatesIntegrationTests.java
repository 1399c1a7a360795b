package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** The dates of a report are checked against the Law on Children, Decree 56 and the time of receipt. */
class ReportDatesIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aDateOfBirthThatMakesTheChildSixteenAtReceiptIsRefusedNamingTheLaw() {
        Instant receivedAt = Instant.now().minus(Duration.ofHours(1));
        LocalDate sixteenthBirthday = receivedAt.atZone(VIETNAM).toLocalDate().minusYears(16);
        Map<String, Object> report = withChild(report(COMMUNE_A, receivedAt, "Lê Văn Tí"), "dateOfBirth",
                sixteenthBirthday.toString());

        JsonNode problem = refused(report, "vi");
        assertThat(fields(problem)).containsExactly("child.dateOfBirth");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("dưới 16 tuổi")
                .contains("Luật Trẻ em 2016");
        assertThat(refused(report, "en").get("errors").get(0).get("message").asText())
                .contains("under 16").contains("Law on Children 2016");
    }

    @Test
    void aChildOneDayShortOfSixteenIsAccepted() {
        Instant receivedAt = Instant.now().minus(Duration.ofHours(1));
        LocalDate born = receivedAt.atZone(VIETNAM).toLocalDate().minusYears(16).plusDays(1);
        as("hotline").post("/api/reports", withChild(report(COMMUNE_A, receivedAt, "Lê Văn Tí"), "dateOfBirth",
                born.toString())).expect(201);
    }

    @Test
    void anEstimatedAgeOfSixteenIsRefusedNamingTheLaw() {
        Map<String, Object> report = withChild(report(COMMUNE_A, Instant.now(), "Lê Văn Tí"), "estimatedAge", 16);
        JsonNode problem = refused(report, "vi");
        assertThat(fields(problem)).containsExactly("child.estimatedAge");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("Luật Trẻ em 2016");
    }

    @Test
    void aDateOfBirthAfterTheReceiptIsRefused() {
        Instant receivedAt = Instant.now().minus(Duration.ofDays(10));
        Map<String, Object> report = withChild(report(COMMUNE_A, receivedAt, "Lê Văn Tí"), "dateOfBirth",
                receivedAt.atZone(VIETNAM).toLocalDate().plusDays(2).toString());
        assertThat(fields(refused(report, "en"))).containsExactly("child.dateOfBirth");
    }

    @Test
    void aReceiptBeforeDecree56TookEffectIsRefused() {
        Map<String, Object> report = report(COMMUNE_A, Instant.parse("2016-01-01T02:00:00Z"), "Lê Văn Tí");
        report.put("lateReason", "Hồ sơ cũ nhập lại");
        JsonNode problem = refused(report, "en");
        assertThat(fields(problem)).containsExactly("receivedAt");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("1 June 2017");
    }

    @Test
    void aReceiptMoreThanNinetyDaysAgoNeedsAStatedReason() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(200));
        Map<String, Object> report = report(COMMUNE_A, longAgo, "Lê Văn Tí");
        assertThat(fields(refused(report, "vi"))).containsExactly("receivedAt");

        report.put("lateReason", "Phiếu giấy của xã, nay mới nhập vào hệ thống");
        String caseId = as("hotline").post("/api/reports", report).expect(201).body().get("id").asText();
        assertThat(jdbc.sql("select late_reason from report where case_id = ?::uuid").param(caseId)
                .query(String.class).single()).isEqualTo("Phiếu giấy của xã, nay mới nhập vào hệ thống");
    }

    @Test
    void aLateReasonLongerThanAThousandCharactersIsRefused() {
        Map<String, Object> report = report(COMMUNE_A, Instant.now().minus(Duration.ofDays(200)), "Lê Văn Tí");
        report.put("lateReason", "x".repeat(1001));
        assertThat(fields(refused(report, "en"))).containsExactly("lateReason");
    }

    /** A refusal writes nothing: the count of cases is the same before and after. */
    private JsonNode refused(Map<String, Object> report, String language) {
        int before = count("select count(*) from case_file");
        JsonNode problem = as("hotline").inLanguage(language).post("/api/reports", report).expect(400).body();
        assertThat(count("select count(*) from case_file")).as("nothing written").isEqualTo(before);
        return problem;
    }

    private static java.util.List<String> fields(JsonNode problem) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withChild(Map<String, Object> report, String key, Object value) {
        Map<String, Object> child = new HashMap<>((Map<String, Object>) report.get("child"));
        if ("dateOfBirth".equals(key)) {
            child.remove("estimatedAge");
        }
        child.put(key, value);
        report.put("child", child);
        return report;
    }
}
