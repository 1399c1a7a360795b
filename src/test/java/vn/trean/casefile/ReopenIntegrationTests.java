package vn.trean.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;
import vn.trean.workflow.UnfoundedReportIntegrationTests;

/**
 * Issue 12, item 7: who may reopen a closed case, and what the new cycle keeps. The commune's officer and chairman
 * and the province may; another agency that can read the case gets 403 saying who may, one that cannot see it 404.
 */
class ReopenIntegrationTests extends ApiIntegrationTest {

    @Test
    void theReopenedCaseKeepsTheParentsTheInformantAndTheActionsAlreadyTaken() {
        UUID closed = closedCase();
        JsonNode reopened = as("chairman").post("/api/cases/" + closed + "/reopen", Map.of()).expect(201).body();
        JsonNode file = as("officer").get("/api/cases/" + reopened.get("id").asText()).expect(200).body();

        assertThat(file.get("reopenedFrom").asText()).isEqualTo(closed.toString());
        JsonNode report = file.get("report");
        assertThat(report.get("parents").findValuesAsText("fullName")).containsExactly("Lê Văn Cường", "Trần Thị Hạnh");
        assertThat(report.get("parents").get(0).get("age").asInt()).isEqualTo(41);
        assertThat(report.get("parents").get(0).get("occupation").asText()).isEqualTo("Thợ xây");
        assertThat(report.get("informant").get("name").asText()).isEqualTo("Trần Văn Báo");
        assertThat(report.get("informant").get("address").asText()).isEqualTo("Số 3 ngõ 12");
        assertThat(jdbc.sql("select actions_taken from report where case_id = ?").param(UUID.fromString(reopened.get("id").asText()))
                .query(String.class).single()).isEqualTo("Đã báo công an phường");
    }

    @Test
    void anAgencyThatReadsTheCaseButDoesNotRunItIsRefusedAndNothingIsOpened() {
        UUID closed = closedCase();
        int before = count("select count(*) from case_file where reopened_from = ?", closed);

        var refused = as("hotline").post("/api/cases/" + closed + "/reopen", Map.of()).expect(403).body();
        assertThat(refused.get("code").asText()).isEqualTo("reopen-not-allowed");
        assertThat(refused.get("detail").asText()).contains("Chủ tịch UBND cấp xã");
        as("hotline").inLanguage("en").post("/api/cases/" + closed + "/reopen", Map.of()).expect(403);
        // Ngọc Hà's officer does not know the case at all: as missing as an id that exists nowhere
        as("officer.ngocha").post("/api/cases/" + closed + "/reopen", Map.of()).expect(404);
        assertThat(count("select count(*) from case_file where reopened_from = ?", closed)).isEqualTo(before);

        as("supervisor").post("/api/cases/" + closed + "/reopen", Map.of()).expect(201);
        assertThat(count("select count(*) from case_file where reopened_from = ?", closed)).isEqualTo(before + 1);
    }

    @Test
    void anOpenCaseCannotBeReopened() {
        UUID open = fileReport(COMMUNE_A, Instant.now());
        assertThat(as("officer").post("/api/cases/" + open + "/reopen", Map.of()).expect(409).body().get("code").asText())
                .isEqualTo("case-still-open");
        assertThat(count("select count(*) from case_file where reopened_from = ?", open)).isZero();
    }

    /** A case of Ba Đình filed with its parents, informant and first actions, found unfounded and closed. */
    private UUID closedCase() {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Lê Thị Mơ");
        report.put("parents", List.of(Map.of("fullName", "Lê Văn Cường", "age", 41, "occupation", "Thợ xây"),
                Map.of("fullName", "Trần Thị Hạnh", "age", 37, "occupation", "Bán hàng")));
        report.put("informant", Map.of("consent", true, "name", "Trần Văn Báo", "relation", "hàng xóm",
                "address", "Số 3 ngõ 12"));
        report.put("actionsTaken", "Đã báo công an phường");
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
        complete("officer", caseId, "verify_report", UnfoundedReportIntegrationTests.unfounded("false_report", null));
        complete("chairman", caseId, "confirm_early_close", Map.of("earlyCloseDecision", "confirm"));
        return caseId;
    }
}
