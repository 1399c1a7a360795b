package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class PlanDeadlineIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void planDueDateSkipsTheWeekendAndTheLunarNewYearHolidays() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());

        // the case meeting ends on Wednesday 3 February 2027 at 10:00, two days before Tết Đinh Mùi
        ClockUtil.setCurrentTime(Date.from(vietnam(2027, 2, 3, 10, 0)));
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("support"));

        JsonNode draft = taskOf("officer", caseId, "draft_plan");
        // Thu 4 (1), Fri 5 - Thu 11 Tết and the weekend, Fri 12 (2), Mon 15 (3), Tue 16 (4), Wed 17 (5)
        assertThat(Instant.parse(draft.get("dueAt").asText())).isEqualTo(vietnam(2027, 2, 17, 10, 0));

        // the plan is submitted on Friday 12 February: approval within 2 working days is Tuesday 16
        ClockUtil.setCurrentTime(Date.from(vietnam(2027, 2, 12, 9, 0)));
        complete("officer", caseId, "draft_plan", plan());
        JsonNode approval = taskOf("chairman", caseId, "approve_plan");
        assertThat(Instant.parse(approval.get("dueAt").asText())).isEqualTo(vietnam(2027, 2, 16, 9, 0));
    }

    @Test
    void eachMeasureOfAnApprovedPlanIsATaskForItsAgencyDueOnItsEndDate() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        complete("officer", caseId, "draft_plan", plan());
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes", "decisionNumber", "15/QĐ-UBND"));

        JsonNode policeTask = taskOf("police", caseId, "implement_measure");
        assertThat(policeTask.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("police-" + COMMUNE_A);
        assertThat(Instant.parse(policeTask.get("dueAt").asText())).isEqualTo(vietnam(2027, 3, 31, 17, 0));
        JsonNode healthTask = taskOf("health", caseId, "implement_measure");
        assertThat(Instant.parse(healthTask.get("dueAt").asText())).isEqualTo(vietnam(2027, 4, 30, 17, 0));
        assertThat(hasTask("teacher", caseId, "implement_measure")).isFalse();

        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("protectionLevel").asText()).isEqualTo("intervention");
        assertThat(file.get("measures")).extracting(m -> m.get("status").asText()).containsOnly("ACTIVE");
    }

    static Map<String, Object> plan() {
        return Map.of("planSummary", "Can thiệp, bảo vệ trẻ",
                "measures", List.of(
                        Map.of("measureType", "safety_monitoring", "responsibleRole", "police",
                                "description", "Theo dõi an toàn tại gia đình", "startDate", "2027-02-15",
                                "endDate", "2027-03-31"),
                        Map.of("measureType", "medical_care", "responsibleRole", "health",
                                "description", "Khám và điều trị vết thương", "startDate", "2027-02-15",
                                "endDate", "2027-04-30", "costEstimate", 500000)));
    }

    private static Instant vietnam(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(VIETNAM).toInstant();
    }
}
