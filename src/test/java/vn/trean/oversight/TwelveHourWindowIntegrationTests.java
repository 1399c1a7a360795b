package vn.trean.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.ApiIntegrationTest;
import vn.trean.workflow.WorkflowEvents.OpenStep;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

class TwelveHourWindowIntegrationTests extends ApiIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void officerAndChairmanAreRemindedBeforeTheWindowEnds() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        assertThat(notifications("chairman", caseId)).isEmpty();

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(9)).plusSeconds(1));

        assertThat(notifications("chairman", caseId)).containsExactly("TWELVE_HOUR_REMINDER");
        assertThat(notifications("officer", caseId)).containsExactly("TWELVE_HOUR_REMINDER");
        assertThat(notifications("officer.ngocha", caseId)).isEmpty();
        assertThat(as("officer").get("/api/cases/" + caseId + "/breaches").expect(200).body()).isEmpty();
    }

    @Test
    void breachIsRecordedAndEscalatedWhenTwelveHoursPassWithVerificationUndone() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        Instant windowEnds = receivedAt.plus(Duration.ofHours(12));

        moveClockAndRunDueJobs(windowEnds.plusSeconds(60));

        JsonNode breaches = as("chairman").get("/api/cases/" + caseId + "/breaches").expect(200).body();
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).get("stepKey").asText()).isEqualTo("verify_report");
        assertThat(Instant.parse(breaches.get(0).get("deadlineAt").asText())).isEqualTo(windowEnds);
        assertThat(breaches.get(0).has("resolvedAt")).isFalse();

        assertThat(hasTask("officer", caseId, "verify_report")).as("the step stays with its owners").isTrue();
        JsonNode escalation = taskOf("supervisor", caseId, "escalate_breach");
        assertThat(escalation.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("health-dept-01");
        assertThat(notifications("chairman", caseId)).contains("TWELVE_HOUR_BREACH");
        assertThat(notifications("supervisor", caseId)).contains("TWELVE_HOUR_BREACH");

        // the officer verifies two hours late: the breach says by how much
        moveClockAndRunDueJobs(windowEnds.plus(Duration.ofHours(2)));
        complete("officer", caseId, "verify_report", verification(false));
        JsonNode resolved = as("supervisor").get("/api/cases/" + caseId + "/breaches").expect(200).body().get(0);
        assertThat(resolved.get("lateSeconds").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());
        JsonNode verifyStep = stepOf(caseId, "verify_report");
        assertThat(verifyStep.get("lateSeconds").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());

        complete("supervisor", caseId, "escalate_breach", java.util.Map.of(
                "breachReason", "Cán bộ đi công tác", "actionTaken", "Nhắc nhở, phân công người thay thế"));
        assertThat(hasTask("supervisor", caseId, "escalate_breach")).isFalse();
    }

    @Test
    void reportEnteredAfterItsWindowEndedIsEscalatedAtOnceWithoutAReminder() {
        Instant receivedAt = Instant.now().minus(Duration.ofHours(13)).truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);

        moveClockAndRunDueJobs(Instant.now());

        assertThat(as("officer").get("/api/cases/" + caseId + "/breaches").expect(200).body()).hasSize(1);
        assertThat(notifications("officer", caseId)).containsExactly("TWELVE_HOUR_BREACH");
        assertThat(hasTask("supervisor", caseId, "escalate_breach")).isTrue();
    }

    @Test
    void verificationInTimeLeavesNoBreach() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        complete("officer", caseId, "verify_report", verification(false));

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(13)));

        assertThat(as("officer").get("/api/cases/" + caseId + "/breaches").expect(200).body()).isEmpty();
        assertThat(hasTask("supervisor", caseId, "escalate_breach")).isFalse();
        assertThat(hasTask("officer", caseId, "assess_needs")).isTrue();
    }

    @Test
    void breachIsRecordedAndAlertedOnceWhenItsTimerRunsTwice() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        var breach = new TwelveHourWindowBreached(caseId, Instant.now(), List.of(new OpenStep(taskId, "verify_report")),
                List.of("committee-" + COMMUNE_A));
        transaction.executeWithoutResult(status -> events.publishEvent(breach));
        transaction.executeWithoutResult(status -> events.publishEvent(breach));

        assertThat(count("select count(*) from deadline_breach where case_id = ?", caseId)).isOne();
        assertThat(notifications("chairman", caseId)).containsExactly("TWELVE_HOUR_BREACH");
    }

    @Test
    void agencyIsNotifiedOfANewTaskOnce() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        long newTasks = 0;
        for (JsonNode n : as("officer").get("/api/notifications").expect(200).body()) {
            if (n.get("caseId").asText().equals(caseId.toString()) && "NEW_TASK".equals(n.get("kind").asText())) {
                newTasks++;
            }
        }
        assertThat(newTasks).isOne();
    }

    /** The 12-hour notifications of a case that the user's agency received (new-task notices left out). */
    private List<String> notifications(String username, UUID caseId) {
        List<String> kinds = new java.util.ArrayList<>();
        for (JsonNode n : as(username).get("/api/notifications").expect(200).body()) {
            if (n.get("caseId").asText().equals(caseId.toString()) && !"NEW_TASK".equals(n.get("kind").asText())) {
                kinds.add(n.get("kind").asText());
            }
        }
        return kinds;
    }

    private JsonNode stepOf(UUID caseId, String stepKey) {
        for (JsonNode step : as("officer").get("/api/cases/" + caseId).expect(200).body().get("steps")) {
            if (step.get("stepKey").asText().equals(stepKey)) {
                return step;
            }
        }
        throw new AssertionError("no step " + stepKey);
    }
}
