package vn.trean.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class MyTasksIntegrationTests extends ApiIntegrationTest {

    @Test
    void soonestDeadlineComesFirst() {
        UUID later = fileReport(COMMUNE_A, Instant.now());
        UUID sooner = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(3)));
        List<String> order = caseIds(as("officer").get("/api/tasks").expect(200).body());
        assertThat(order.indexOf(sooner.toString())).isLessThan(order.indexOf(later.toString()));
    }

    @Test
    void filtersNarrowTheListToOverdueEmergencyOrOneStep() {
        UUID overdue = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(13)));
        UUID fresh = fileReport(COMMUNE_A, Instant.now());
        UUID emergency = fileReport(COMMUNE_A, Instant.now());
        complete("officer", emergency, "verify_report", verification(true));

        List<String> overdueOnly = caseIds(as("officer").get("/api/tasks?overdue=true").expect(200).body());
        assertThat(overdueOnly).contains(overdue.toString()).doesNotContain(fresh.toString());

        List<String> emergencies = caseIds(as("chairman").get("/api/tasks?emergency=true").expect(200).body());
        assertThat(emergencies).contains(emergency.toString());
        assertThat(as("chairman").get("/api/tasks?emergency=true").body())
                .allMatch(t -> t.get("emergency").asBoolean());

        JsonNode verifications = as("officer").get("/api/tasks?step=verify_report").expect(200).body();
        assertThat(verifications).allMatch(t -> t.get("stepKey").asText().equals("verify_report"));
        assertThat(caseIds(verifications)).contains(fresh.toString()).doesNotContain(emergency.toString());
        assertThat(caseIds(as("officer").get("/api/tasks?dueToday=true&step=verify_report").expect(200).body()))
                .doesNotContain(emergency.toString());
    }

    @Test
    void claimedTaskShowsItsClaimantUntilHandedBack() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        as("officer").post("/api/tasks/" + taskId + "/claim", java.util.Map.of()).expect(204);
        assertThat(taskOf("officer", caseId, "verify_report").get("assignee").asText()).isEqualTo("officer");
        as("officer").post("/api/tasks/" + taskId + "/unclaim", java.util.Map.of()).expect(204);
        assertThat(taskOf("officer", caseId, "verify_report").has("assignee")).isFalse();
    }

    @Test
    void completedTaskLeavesTheList() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        assertThat(hasTask("officer", caseId, "verify_report")).isFalse();
        assertThat(hasTask("officer", caseId, "assess_needs")).isTrue();
        assertThat(count("select count(*) from work_item where case_id = ?", caseId)).isOne();
    }

    private static List<String> caseIds(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("caseId").asText()));
        return ids;
    }
}
