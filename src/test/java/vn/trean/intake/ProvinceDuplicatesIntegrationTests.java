package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** Issue 9 item 4: the hotline and the province department search the whole province and pass reports down. */
class ProvinceDuplicatesIntegrationTests extends ApiIntegrationTest {

    @Test
    void hotlineFilingInBaDinhFindsTheChildOfANgocHaCaseRedactedWithItsCommune() {
        String name = "Kiều Thị Mận " + UUID.randomUUID().toString().substring(0, 6);
        as("officer.ngocha").post("/api/reports", report(COMMUNE_B, Instant.now(), name)).expect(201);

        JsonNode found = as("hotline").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body();

        assertThat(found).hasSize(1);
        JsonNode match = found.get(0);
        assertThat(match.get("communeCode").asText()).isEqualTo(COMMUNE_B);
        assertThat(match.get("caseNumber").asText()).startsWith(COMMUNE_B + "-");
        assertThat(match.get("initials").asText()).startsWith("K.T.M.");
        assertThat(match.hasNonNull("matchRef")).isTrue();
        assertThat(match.hasNonNull("caseId")).as("no id for a case the hotline need not know").isFalse();
        assertThat(match.hasNonNull("childName")).as("no name for a case the hotline need not know").isFalse();
        assertThat(match.toString()).doesNotContain("Kiều").doesNotContain("Mận");
    }

    @Test
    void provinceSupervisorFindsMatchesInEveryCommuneOfTheProvince() {
        String name = "Tạ Văn Sơn " + UUID.randomUUID().toString().substring(0, 6);
        as("officer.ngocha").post("/api/reports", report(COMMUNE_B, Instant.now(), name)).expect(201);
        as("officer").post("/api/reports", report(COMMUNE_A, Instant.now(), name)).expect(201);

        JsonNode found = as("supervisor").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body();

        assertThat(found).extracting(m -> m.get("communeCode").asText()).as("the chosen commune first")
                .containsExactly(COMMUNE_A, COMMUNE_B);
    }

    @Test
    void communeOfficerSearchesOnlyTheCommuneOfTheReport() {
        String name = "Kiều Văn Lực " + UUID.randomUUID().toString().substring(0, 6);
        as("officer.ngocha").post("/api/reports", report(COMMUNE_B, Instant.now(), name)).expect(201);

        assertThat(as("officer").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name)).expect(200)
                .body()).isEmpty();
    }

    @Test
    void reportTheDepartmentPassesDownIsDueTwelveHoursAfterItsFirstReceiptAndTheCaseShowsWhoPassedItDown() {
        Instant receivedAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode filed = as("supervisor").post("/api/reports", report(COMMUNE_A, receivedAt, "Lò Thị Én")).expect(201)
                .body();
        UUID caseId = UUID.fromString(filed.get("id").asText());

        JsonNode task = taskOf("officer", caseId, "verify_report");
        assertThat(Instant.parse(task.get("dueAt").asText())).as("counted from the department's receipt")
                .isEqualTo(receivedAt.plus(Duration.ofHours(12)));

        JsonNode forward = stepOf(as("officer").get("/api/cases/" + caseId).expect(200).body(), "forward_to_commune");
        assertThat(forward.get("data").get("from").asText()).isEqualTo("health-dept-01");
        assertThat(forward.get("data").get("to").asText()).isEqualTo("committee-" + COMMUNE_A);
        assertThat(Instant.parse(forward.get("completedAt").asText())).isAfter(receivedAt);

        String page = pageAs("officer", "/cases/" + caseId);
        assertThat(page).contains("Nơi tiếp nhận chuyển xuống").contains("Sở Y tế Hà Nội");
    }

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void provinceSearchStartsFromTheFoldedNameIndex() throws java.sql.SQLException {
        // the demo tables are small enough for a sequential scan to win: forbid it to see which index would serve
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            try (var plan = statement.executeQuery("""
                    explain select c.id from child ch join case_file c on c.id = ch.case_id
                    where c.province_code = '01' and ch.name_normalized = 'le thi en'
                    order by c.commune_code = '00004' desc, c.received_at desc limit 20""")) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1)).append('\n');
                }
                assertThat(text.toString()).contains("child_name");
            } finally {
                statement.execute("reset enable_seqscan");
            }
        }
    }

    private static JsonNode stepOf(JsonNode caseFile, String stepKey) {
        for (JsonNode step : caseFile.get("steps")) {
            if (step.get("stepKey").asText().equals(stepKey)) {
                return step;
            }
        }
        throw new AssertionError("no " + stepKey + " in " + caseFile.get("steps"));
    }
}
