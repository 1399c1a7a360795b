package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
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
    void planDueDateCountsFromTheEndOfVerificationAndSkipsTheWeekendAndTheLunarNewYearHolidays() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        // verification ends on Wednesday 3 February 2027 at 10:00, two days before Tết Đinh Mùi: the plan clock starts
        ClockUtil.setCurrentTime(Date.from(vietnam(2027, 2, 3, 10, 0)));
        complete("officer", caseId, "verify_report", verification(false));
        // Thu 4 (1), Fri 5 - Thu 11 Tết and the weekend, Fri 12 (2), Mon 15 (3), Tue 16 (4), Wed 17 (5)
        Instant draftDue = vietnam(2027, 2, 17, 10, 0);
        assertThat(Instant.parse(taskOf("officer", caseId, "assess_needs").get("dueAt").asText()))
                .as("the assessment shares the draft's deadline").isEqualTo(draftDue);

        ClockUtil.setCurrentTime(Date.from(vietnam(2027, 2, 4, 9, 0)));
        complete("officer", caseId, "assess_needs", needsAssessment());
        assertThat(Instant.parse(taskOf("chairman", caseId, "hold_case_meeting").get("dueAt").asText()))
                .as("so does the meeting").isEqualTo(draftDue);
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("support"));

        JsonNode draft = taskOf("officer", caseId, "draft_plan");
        assertThat(Instant.parse(draft.get("dueAt").asText())).isEqualTo(draftDue);

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

    @Test
    void measureStartingLaterOpensOnItsStartDateAndTheReviewComesAtThePlansEndWithAMeasureStillOpen() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        LocalDate today = today();
        complete("officer", caseId, "draft_plan", Map.of("planSummary", "Can thiệp, bảo vệ trẻ", "measures", List.of(
                Map.of("measureType", "safety_monitoring", "responsibleRole", "police",
                        "description", "Theo dõi an toàn tại gia đình", "startDate", today.toString(),
                        "endDate", today.plusDays(10).toString()),
                Map.of("measureType", "medical_care", "responsibleRole", "health",
                        "description", "Khám lại sau điều trị", "startDate", today.plusDays(3).toString(),
                        "endDate", today.plusDays(20).toString()))));
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes", "decisionNumber", "17/QĐ-UBND"));

        assertThat(hasTask("police", caseId, "implement_measure")).isTrue();
        assertThat(hasTask("health", caseId, "implement_measure")).as("not before its start date").isFalse();

        moveClockAndRunDueJobs(today.plusDays(3).atStartOfDay(VIETNAM).toInstant());
        JsonNode health = taskOf("health", caseId, "implement_measure");
        assertThat(Instant.parse(health.get("dueAt").asText()))
                .isEqualTo(today.plusDays(20).atTime(17, 0).atZone(VIETNAM).toInstant());
        assertThat(hasTask("officer", caseId, "review_case")).isFalse();

        complete("health", caseId, "implement_measure", Map.of("status", "done",
                "completedOn", today.plusDays(3).toString()));
        moveClockAndRunDueJobs(today.plusDays(20).atTime(17, 0).atZone(VIETNAM).toInstant());

        JsonNode review = taskOf("officer", caseId, "review_case");
        assertThat(hasTask("police", caseId, "implement_measure")).as("the late measure stays open").isTrue();
        JsonNode form = as("officer").get("/api/tasks/" + review.get("taskId").asText()).expect(200).body().get("form");
        JsonNode openMeasures = null;
        for (JsonNode component : form.get("components")) {
            if ("openMeasures".equals(component.path("key").asText())) {
                openMeasures = component;
            }
        }
        assertThat(openMeasures).as("the review form lists the open measures").isNotNull();
        assertThat(openMeasures.get("defaultValue").asText()).contains("Theo dõi an toàn tại gia đình")
                .doesNotContain("Khám lại sau điều trị");

        complete("police", caseId, "implement_measure", Map.of("status", "partly_done",
                "completedOn", today.plusDays(20).toString()));
        JsonNode reviews = as("officer").get("/api/tasks?caseId=" + caseId).expect(200).body();
        int count = 0;
        for (JsonNode task : reviews) {
            count += "review_case".equals(task.get("stepKey").asText()) ? 1 : 0;
        }
        assertThat(count).as("no second review when the last measure is done").isOne();

        // what the review records as open is the server's list, never the client's
        complete("officer", caseId, "review_case", Map.of("remainingHarm", "low", "perpetratorAccess", "low",
                "careObstacles", "low", "selfProtection", "high", "noLongerAtRisk", true, "stateStable", true,
                "reviewNote", "Trẻ ổn định", "openMeasures", "Không có nhiệm vụ nào"));
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'review_case'"
                + " and data ->> 'openMeasures' = ?", caseId, vn.trean.workflow.CaseProcess.NO_OPEN_MEASURES)).isOne();
        assertThat(hasTask("chairman", caseId, "close_case")).isTrue();
    }

    @Test
    void boardCountsAPlanOnTimeWhenApprovedWithinSevenWorkingDaysOfTheEndOfVerification() {
        LocalDate received = today();
        JsonNode before = complianceOf(received);
        UUID onTime = fileReport(COMMUNE_A, Instant.now());
        UUID late = fileReport(COMMUNE_A, Instant.now());
        // both verified on Monday 1 March 2027 at 09:00, drafted on Tuesday 9 (the 6th working day)
        for (UUID caseId : List.of(onTime, late)) {
            ClockUtil.setCurrentTime(Date.from(vietnam(2027, 3, 1, 9, 0)));
            complete("officer", caseId, "verify_report", verification(false));
            ClockUtil.setCurrentTime(Date.from(vietnam(2027, 3, 9, 9, 0)));
            complete("officer", caseId, "assess_needs", needsAssessment());
            complete("chairman", caseId, "hold_case_meeting", caseMeeting("support"));
            complete("officer", caseId, "draft_plan", plan());
        }
        // Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 (5), Tue 9 (6), Wed 10 (7): on time until 09:00
        ClockUtil.setCurrentTime(Date.from(vietnam(2027, 3, 10, 9, 0)));
        complete("chairman", onTime, "approve_plan", Map.of("planApproved", "yes", "decisionNumber", "18/QĐ-UBND"));
        ClockUtil.setCurrentTime(Date.from(vietnam(2027, 3, 10, 9, 1)));
        complete("chairman", late, "approve_plan", Map.of("planApproved", "yes", "decisionNumber", "19/QĐ-UBND"));

        JsonNode after = complianceOf(received);
        assertThat(count(after, "plansApproved") - count(before, "plansApproved")).isEqualTo(2);
        assertThat(count(after, "plansInTime") - count(before, "plansInTime"))
                .as("the plan opened on the 6th working day and approved a minute after the 7th is late")
                .isEqualTo(1);
    }

    private JsonNode complianceOf(LocalDate day) {
        for (JsonNode row : as("supervisor").get("/api/board/compliance?from=" + day.minusDays(1) + "&to=" + day)
                .expect(200).body()) {
            if (row.get("communeCode").asText().equals(COMMUNE_A)) {
                return row;
            }
        }
        return null;
    }

    private static int count(JsonNode row, String field) {
        return row == null ? 0 : row.get(field).asInt();
    }

    static Map<String, Object> plan() {
        return Map.of("planSummary", "Can thiệp, bảo vệ trẻ",
                "measures", List.of(
                        Map.of("measureType", "safety_monitoring", "responsibleRole", "police",
                                "description", "Theo dõi an toàn tại gia đình", "startDate", today().toString(),
                                "endDate", "2027-03-31"),
                        Map.of("measureType", "medical_care", "responsibleRole", "health",
                                "description", "Khám và điều trị vết thương", "startDate", today().toString(),
                                "endDate", "2027-04-30", "costEstimate", 500000)));
    }

    private static Instant vietnam(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(VIETNAM).toInstant();
    }
}
