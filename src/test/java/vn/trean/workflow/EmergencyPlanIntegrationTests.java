package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 9 item 2: in an emergency the officer drafts the plan inside the 12 hours (Decree 56, art. 31.3), and the
 * ordinary 5 + 2 working-day plan limits are waived — the approval has no working-day due date and the board's
 * plan compliance does not count the case.
 */
class EmergencyPlanIntegrationTests extends ApiIntegrationTest {

    @Test
    void emergencyPlanIsDraftedInsideTheTwelveHoursAndApprovedWithoutTheWorkingDayLimits() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode before = complianceOf(today);
        complete("officer", caseId, "verify_report", verification(true));
        complete("chairman", caseId, "emergency_intervention", Map.of("measuresTaken", "Đưa trẻ đến nơi an toàn",
                "agenciesInvolved", List.of("hotline"), "interventionCompletedAt",
                java.time.LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.MINUTES).toString(),
                "separationNeeded", false));

        JsonNode draft = taskOf("officer", caseId, "draft_plan");
        assertThat(draft.get("inTwelveHourWindow").asBoolean()).isTrue();
        assertThat(Instant.parse(draft.get("dueAt").asText())).isEqualTo(receivedAt.plus(Duration.ofHours(12)));
        assertThat(hasTask("officer", caseId, "assess_needs")).isFalse();

        complete("officer", caseId, "draft_plan", PlanDeadlineIntegrationTests.plan());

        JsonNode approval = taskOf("chairman", caseId, "approve_plan");
        assertThat(approval.get("dueAt") == null || approval.get("dueAt").isNull())
                .as("no P2WD for the approval of an emergency plan").isTrue();
        assertThat(hasTask("officer", caseId, "assess_needs")).isFalse();
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes", "decisionNumber", "16/QĐ-UBND"));

        assertThat(hasTask("police", caseId, "implement_measure")).isTrue();
        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("measures")).extracting(m -> m.get("status").asText()).containsOnly("ACTIVE");
        assertThat(as("officer").get("/api/cases/" + caseId + "/breaches").expect(200).body()).isEmpty();
        assertThat(count(complianceOf(today), "plansApproved")).as("an emergency plan is not held to 5 + 2")
                .isEqualTo(count(before, "plansApproved"));
    }

    @Test
    void caseWithoutEmergencyDraftsItsPlanAfterTheAssessmentWithWorkingDayLimits() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));

        assertThat(hasTask("officer", caseId, "draft_plan")).isFalse();
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("support"));
        JsonNode draft = taskOf("officer", caseId, "draft_plan");
        assertThat(draft.get("inTwelveHourWindow").asBoolean()).isFalse();
        assertThat(draft.get("dueAt").isNull()).isFalse();
        complete("officer", caseId, "draft_plan", PlanDeadlineIntegrationTests.plan());
        assertThat(taskOf("chairman", caseId, "approve_plan").get("dueAt").isNull()).isFalse();
    }

    private JsonNode complianceOf(LocalDate today) {
        for (JsonNode r : as("supervisor").get("/api/board/compliance?from=" + today.minusDays(1) + "&to=" + today)
                .expect(200).body()) {
            if (r.get("communeCode").asText().equals(COMMUNE_A)) {
                return r;
            }
        }
        return null;
    }

    private static int count(JsonNode row, String field) {
        return row == null ? 0 : row.get(field).asInt();
    }
}
