package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 9 item 3: a report that verification finds unfounded (no abuse, no risk) is closed in two steps —
 * the officer proposes with a reason, the chairman confirms within 2 working days or sends it back — and
 * counts as "verified, not a case". No needs assessment (Form 03) or case meeting is demanded.
 */
public class UnfoundedReportIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void unfoundedReportIsClosedInTwoStepsAndCountsAsVerifiedNotACase() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());

        complete("officer", caseId, "verify_report", unfounded("already_resolved", "Gia đình đã hòa giải, trẻ an toàn"));

        assertThat(hasTask("officer", caseId, "assess_needs")).as("no Form 03 while the chairman decides").isFalse();
        assertThat(as("officer").get("/api/cases/" + caseId).expect(200).body().get("status").asText()).isEqualTo("OPEN");
        complete("chairman", caseId, "confirm_early_close", Map.of("earlyCloseDecision", "confirm"));

        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(file.get("closingOutcome").asText()).isEqualTo("VERIFIED_NOT_A_CASE");
        assertThat(file.get("closingReason").asText()).isEqualTo("already_resolved");
        assertThat(file.has("closedAt")).isTrue();
        // the timeline shows the proposal (with its reason) and the chairman's decision
        assertThat(file.get("steps")).extracting(s -> s.get("stepKey").asText())
                .containsSubsequence("verify_report", "confirm_early_close")
                .doesNotContain("assess_needs", "hold_case_meeting");
        JsonNode proposal = step(file, "verify_report");
        assertThat(proposal.get("data").get("verificationOutcome").asText()).isEqualTo("unfounded");
        assertThat(proposal.get("data").get("unfoundedReasonText").asText()).isEqualTo("Gia đình đã hòa giải, trẻ an toàn");
        assertThat(step(file, "confirm_early_close").get("data").get("earlyCloseDecision").asText()).isEqualTo("confirm");
        assertThat(step(file, "confirm_early_close").get("completedBy").asText()).isEqualTo("chairman");
        assertThat(count("select count(*) from case_file where id = ? and closing_outcome = 'VERIFIED_NOT_A_CASE'", caseId))
                .isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceOf(caseId)).count()).isZero();
    }

    @Test
    void chairmanHasTwoWorkingDaysToConfirmTheClosing() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        // verified on Friday 5 March 2027 at 16:00: two working days later is Tuesday 9 March, 16:00
        ClockUtil.setCurrentTime(Date.from(vietnam(2027, 3, 5, 16, 0)));
        complete("officer", caseId, "verify_report", unfounded("false_report", null));

        JsonNode confirmation = taskOf("chairman", caseId, "confirm_early_close");
        assertThat(Instant.parse(confirmation.get("dueAt").asText())).isEqualTo(vietnam(2027, 3, 9, 16, 0));
        assertThat(confirmation.get("candidateGroups")).extracting(JsonNode::asText)
                .containsExactly("committee-" + COMMUNE_A);
        assertThat(hasTask("officer", caseId, "confirm_early_close")).isFalse();
    }

    @Test
    void chairmanSendsTheProposalBackToAssessmentWithHisReason() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", unfounded("duplicate", null));

        String taskId = taskOf("chairman", caseId, "confirm_early_close").get("taskId").asText();
        JsonNode problem = as("chairman").inLanguage("en")
                .post("/api/tasks/" + taskId + "/complete", Map.of("earlyCloseDecision", "return")).expect(400).body();
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("chairmanNote");
        complete("chairman", caseId, "confirm_early_close",
                Map.of("earlyCloseDecision", "return", "chairmanNote", "Cần đánh giá lại: hàng xóm báo tiếp"));

        assertThat(hasTask("officer", caseId, "assess_needs")).isTrue();
        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("status").asText()).isEqualTo("OPEN");
        assertThat(file.has("closingOutcome")).isFalse();
        assertThat(step(file, "confirm_early_close").get("data").get("chairmanNote").asText())
                .isEqualTo("Cần đánh giá lại: hàng xóm báo tiếp");
    }

    @Test
    void closingProposalIsRefusedNamingEachFieldWhenVerificationFoundRisk() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        Map<String, Object> values = unfounded("false_report", null);
        values.put("riskLevel", "medium");
        values.put("seriousHarm", true);

        JsonNode problem = as("officer").inLanguage("en").post("/api/tasks/" + taskId + "/complete", values)
                .expect(422).body();

        assertThat(problem.get("code").asText()).isEqualTo("unfounded-contradicted");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("riskLevel", "seriousHarm");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("no abuse and no risk");
        assertThat(hasTask("officer", caseId, "verify_report")).as("nothing changed").isTrue();
        assertThat(count("select count(*) from step_record where task_id = ? and (data is not null or completed_at is not null)",
                taskId)).isZero();
        assertThat(count("select count(*) from case_file where id = ? and closing_outcome is not null", caseId)).isZero();
    }

    @Test
    void closingProposalIsRefusedWhenAbuseWasConfirmed() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        Map<String, Object> values = unfounded("other", "Không rõ");
        values.put("abuseConfirmed", "yes");

        JsonNode problem = as("officer").post("/api/tasks/" + taskId + "/complete", values).expect(422).body();
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("abuseConfirmed");
        assertThat(hasTask("officer", caseId, "verify_report")).isTrue();
    }

    @Test
    void otherReasonNeedsItsExplanation() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        JsonNode problem = as("officer").post("/api/tasks/" + taskId + "/complete", unfounded("other", null))
                .expect(422).body();
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("unfoundedReasonText");
    }

    @Test
    void caseClosedAfterItsPlanCountsAsHandled() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("prevention"));

        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(file.get("closingOutcome").asText()).isEqualTo("CASE_HANDLED");
    }

    /** A verification that found no abuse and no risk and proposes to close the report. */
    public static Map<String, Object> unfounded(String reason, String text) {
        Map<String, Object> values = new HashMap<>();
        values.put("abuseConfirmed", "no");
        values.put("riskLevel", "none");
        values.put("initialHarmAssessment", "Không có dấu hiệu tổn hại");
        values.put("seriousHarm", false);
        values.put("perpetratorIsCarer", false);
        values.put("officerDeclaresEmergency", false);
        values.put("verificationOutcome", "unfounded");
        values.put("unfoundedReason", reason);
        if (text != null) {
            values.put("unfoundedReasonText", text);
        }
        return values;
    }

    private static JsonNode step(JsonNode file, String stepKey) {
        for (JsonNode step : file.get("steps")) {
            if (step.get("stepKey").asText().equals(stepKey)) {
                return step;
            }
        }
        throw new AssertionError("no step " + stepKey + " in " + file.get("steps"));
    }

    private static Instant vietnam(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(VIETNAM).toInstant();
    }
}
