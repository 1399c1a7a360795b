package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 9 item 7: a verification that indicates a crime marks the case for criminal procedure and gives the
 * commune police a task to confirm receipt; the outcome they record is on the case.
 */
class CrimeReportIntegrationTests extends ApiIntegrationTest {

    @Test
    void crimeIndicatedAtVerificationGoesToThePoliceAndTheirOutcomeIsRecordedOnTheCase() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        Map<String, Object> verification = new HashMap<>(verification(false));
        verification.put("crimeIndicated", true);

        complete("officer", caseId, "verify_report", verification);

        JsonNode marked = criminalProcedure(caseId);
        assertThat(marked.get("marked").asBoolean()).isTrue();
        assertThat(marked.get("handlingOutcome").asText()).isEqualTo("PENDING");
        JsonNode task = taskOf("police", caseId, "confirm_crime_report");
        assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("police-00004");
        assertThat(hasTask("officer", caseId, "assess_needs")).as("the case goes on beside it").isTrue();

        complete("police", caseId, "confirm_crime_report", Map.of("receivedOn", today().toString(),
                "receiptReference", "TG-12/2026"));
        String outcomeTask = taskOf("police", caseId, "record_crime_outcome").get("taskId").asText();
        JsonNode refused = as("police").post("/api/tasks/" + outcomeTask + "/complete",
                Map.of("handlingOutcome", "administrative_sanction")).expect(400).body();
        assertThat(refused.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("decisionNumber", "decisionDate");

        complete("police", caseId, "record_crime_outcome", Map.of("handlingOutcome", "administrative_sanction",
                "decisionNumber", "15/QĐ-XPHC", "decisionDate", today().toString()));

        JsonNode outcome = criminalProcedure(caseId);
        assertThat(outcome.get("handlingOutcome").asText()).isEqualTo("ADMINISTRATIVE_SANCTION");
        assertThat(outcome.get("decisionNumber").asText()).isEqualTo("15/QĐ-XPHC");
        assertThat(outcome.get("decisionDate").asText()).isEqualTo(today().toString());
        assertThat(hasTask("police", caseId, "record_crime_outcome")).isFalse();
        assertThat(html("officer", "/cases/" + caseId)).contains("Tố tụng hình sự", "Xử phạt vi phạm hành chính",
                "15/QĐ-XPHC");
    }

    @Test
    void verificationIndicatingNoCrimeGivesThePoliceNoTaskAndLeavesTheCaseUnmarked() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());

        complete("officer", caseId, "verify_report", verification(false));

        assertThat(hasTask("officer", caseId, "assess_needs")).isTrue();
        assertThat(criminalProcedure(caseId).get("marked").asBoolean()).isFalse();
        as("police").get("/api/cases/" + caseId).expect(404);
    }

    /** A page as the user's browser gets it (HTML, Vietnamese). */
    private String page(String username, String path) {
        return pageAs(username, path);
    }

    private JsonNode criminalProcedure(UUID caseId) {
        return as("officer").get("/api/cases/" + caseId).expect(200).body().get("criminalProcedure");
    }
}
