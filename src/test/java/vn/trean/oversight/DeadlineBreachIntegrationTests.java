package vn.trean.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 12 item 1: a breach for every legal deadline, recorded by the deadline watcher over the open work items.
 * Time moves by putting a work item's due date in the past (SQL) and calling the watcher with the time it is; the
 * watcher is never waited for. The context is shared: the watcher also records other tests' overdue steps, so every
 * assertion picks its own case.
 */
class DeadlineBreachIntegrationTests extends ApiIntegrationTest {

    private static final String OFFICERS = "child-protection-" + COMMUNE_A;
    private static final String CHAIRMANS = "committee-" + COMMUNE_A;
    private static final String SUPERVISORS = "health-dept-01";

    @Autowired
    DeadlineWatcher watcher;

    @Test
    void stepPastItsDueDateIsRecordedOnceAsABreachOfTheAgencyThatHoldsIt() {
        UUID caseId = caseAtAssessment();
        Instant due = pastDue(caseId, "assess_needs", Duration.ofHours(3));

        watcher.checkNow(Instant.now());
        watcher.checkNow(Instant.now());

        JsonNode breaches = as("chairman").get("/api/cases/" + caseId + "/breaches").expect(200).body();
        assertThat(breaches).hasSize(1);
        JsonNode breach = breaches.get(0);
        assertThat(breach.get("stepKey").asText()).isEqualTo("assess_needs");
        assertThat(breach.get("agencyId").asText()).isEqualTo(OFFICERS);
        assertThat(Instant.parse(breach.get("deadlineAt").asText())).isEqualTo(due);
        assertThat(breach.has("resolvedAt")).as("the step is still open").isFalse();
        assertThat(breach.has("reasonCode")).isFalse();
        assertThat(breach.has("escalatedAt")).as("the grace has not passed").isFalse();

        JsonNode entry = timelineEntry(as("officer"), caseId, "deadline_breach");
        assertThat(entry.get("agencyId").asText()).isEqualTo(OFFICERS);
        assertThat(entry.get("data").get("breachedStepKey").asText()).isEqualTo("assess_needs");
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'deadline_breach'", caseId))
                .isOne();
        assertThat(notifications(caseId, "DEADLINE_BREACH", CHAIRMANS)).as("the chairman is told, once").isOne();
        assertThat(notifications(caseId, "DEADLINE_BREACH", OFFICERS)).as("the agency that holds the step").isOne();
        assertThat(count("""
                select count(*) from mail_outbox m join notification n on n.id = m.notification_id
                 where n.case_id = ? and n.kind = 'DEADLINE_BREACH' and n.agency_id = ?""", caseId, CHAIRMANS))
                .as("and by mail, as a 12-hour breach").isPositive();
        assertThat(count("select count(*) from audit_event where case_id = ? and action = 'DEADLINE_BREACHED'", caseId))
                .isOne();
    }

    @Test
    void twoWatchersRacingRecordTheBreachOnceAndNotifyOnce() throws Exception {
        UUID caseId = caseAtAssessment();
        pastDue(caseId, "assess_needs", Duration.ofMinutes(30));
        Instant now = Instant.now();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<DeadlineWatcher.Check>> checks = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                checks.add(nodes.submit(() -> {
                    start.await();
                    return watcher.checkNow(now);
                }));
            }
            start.countDown();
            for (Future<DeadlineWatcher.Check> check : checks) {
                check.get(2, TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(count("select count(*) from deadline_breach where case_id = ?", caseId)).isOne();
        assertThat(notifications(caseId, "DEADLINE_BREACH", CHAIRMANS)).isOne();
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'deadline_breach'", caseId))
                .isOne();
    }

    @Test
    void breachSaysHowLateOnceTheStepIsDone() {
        UUID caseId = caseAtAssessment();
        Instant due = pastDue(caseId, "assess_needs", Duration.ofHours(1));
        watcher.checkNow(Instant.now());

        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(2))));
        complete("officer", caseId, "assess_needs", needsAssessment());

        JsonNode breach = as("supervisor").get("/api/cases/" + caseId + "/breaches").expect(200).body().get(0);
        assertThat(Instant.parse(breach.get("resolvedAt").asText())).isEqualTo(due.plus(Duration.ofHours(2)));
        assertThat(breach.get("lateSeconds").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());
    }

    @Test
    void holdingAgencyGivesTheReasonOnceAndNoOneElseMay() {
        UUID caseId = caseAtAssessment();
        pastDue(caseId, "assess_needs", Duration.ofHours(2));
        watcher.checkNow(Instant.now());
        long breachId = breachOf(caseId, "assess_needs");
        String reason = "/api/cases/" + caseId + "/breaches/" + breachId + "/reason";
        Map<String, Object> waiting = Map.of("reasonCode", "WAITING_FOR_OTHER_AGENCY", "note", "Chờ kết quả giám định");

        Response chairman = as("chairman").post(reason, waiting).expect(403);
        assertThat(chairman.body().get("code").asText()).isEqualTo("breach-reason-not-your-agency");
        assertThat(chairman.body().get("detail").asText()).contains("cơ quan được giao");
        as("supervisor").inLanguage("en").post(reason, waiting).expect(403);
        as("police").post(reason, waiting).expect(404);
        as("officer.ngocha").post(reason, waiting).expect(404);
        as("officer").post("/api/cases/" + caseId + "/breaches/" + Long.MAX_VALUE + "/reason", waiting).expect(404);
        assertThat(fields(as("officer").post(reason, Map.of("reasonCode", "OTHER")).expect(400))).containsExactly("note");
        assertThat(fields(as("officer").post(reason, Map.of("reasonCode", "LAZY")).expect(400)))
                .containsExactly("reasonCode");
        assertThat(fields(as("officer").post(reason, Map.of("note", "Không rõ")).expect(400))).containsExactly("reasonCode");
        Response tooLong = as("officer").inLanguage("en")
                .post(reason, Map.of("reasonCode", "WORKLOAD", "note", "x".repeat(501))).expect(400);
        assertThat(fields(tooLong)).containsExactly("note");
        assertThat(tooLong.body().get("errors").get(0).get("message").asText()).isEqualTo("At most 500 characters.");
        as("officer").postRaw(reason, "{\"reasonCode\":\"WORKLOAD\",\"blame\":\"x\"}").expect(400);
        assertThat(count("select count(*) from deadline_breach where id = ? and reason_at is null", breachId))
                .as("nothing written").isOne();

        JsonNode given = as("officer").post(reason, waiting).expect(200).body();
        assertThat(given.get("reasonCode").asText()).isEqualTo("WAITING_FOR_OTHER_AGENCY");
        assertThat(given.get("reasonNote").asText()).isEqualTo("Chờ kết quả giám định");
        assertThat(given.get("reasonBy").asText()).isEqualTo("officer");
        Response twice = as("officer").post(reason, Map.of("reasonCode", "WORKLOAD")).expect(409);
        assertThat(twice.body().get("code").asText()).isEqualTo("breach-reason-given");

        JsonNode seen = as("supervisor").get("/api/cases/" + caseId + "/breaches").expect(200).body().get(0);
        assertThat(seen.get("reasonCode").asText()).isEqualTo("WAITING_FOR_OTHER_AGENCY");
        JsonNode entry = timelineEntry(as("chairman"), caseId, "breach_reason");
        assertThat(entry.get("data").get("reasonCode").asText()).isEqualTo("WAITING_FOR_OTHER_AGENCY");
        assertThat(entry.get("data").get("breachedStepKey").asText()).isEqualTo("assess_needs");
        assertThat(count("select count(*) from audit_event where case_id = ? and action = 'BREACH_REASON_GIVEN'", caseId))
                .isOne();
    }

    @Test
    void otherAgenciesSeeOnlyTheirOwnBreaches() {
        UUID caseId = caseWithAPoliceMeasure();
        pastDue(caseId, "implement_measure", Duration.ofHours(5));
        watcher.checkNow(Instant.now());
        // and a breach of the officer's agency on an earlier step of the same case
        jdbc.sql("""
                        insert into deadline_breach (case_id, step_key, task_id, deadline_at, detected_at, resolved_at,
                                                     agency_id, escalated_at)
                        values (?, 'draft_plan', ?, now() - interval '3 days', now() - interval '2 days',
                                now() - interval '2 days', ?, now())""")
                .param(caseId).param("done-" + UUID.randomUUID()).param(OFFICERS).update();

        JsonNode police = as("police").get("/api/cases/" + caseId + "/breaches").expect(200).body();
        assertThat(police).hasSize(1);
        assertThat(police.get(0).get("agencyId").asText()).isEqualTo("police-" + COMMUNE_A);
        assertThat(as("officer").get("/api/cases/" + caseId + "/breaches").expect(200).body()).hasSize(2);
        assertThat(as("supervisor").get("/api/cases/" + caseId + "/breaches").expect(200).body()).hasSize(2);
        as("officer.ngocha").get("/api/cases/" + caseId + "/breaches").expect(404);
        as("police").post("/api/cases/" + caseId + "/breaches/" + breachOf(caseId, "draft_plan") + "/reason",
                Map.of("reasonCode", "WORKLOAD")).expect(403);
        as("police").post("/api/cases/" + caseId + "/breaches/" + breachOf(caseId, "implement_measure") + "/reason",
                Map.of("reasonCode", "CHILD_OR_FAMILY_UNREACHABLE")).expect(200);
        assertThat(count("select count(*) from deadline_breach where case_id = ? and reason_at is not null", caseId))
                .isOne();
    }

    @Test
    void provinceSupervisorIsToldOnceWhenNoReasonCameWithinTheGrace() {
        UUID silent = caseAtAssessment();
        UUID explained = caseAtAssessment();
        pastDue(silent, "assess_needs", Duration.ofHours(2));
        pastDue(explained, "assess_needs", Duration.ofHours(2));
        watcher.checkNow(Instant.now());
        as("officer").post("/api/cases/" + explained + "/breaches/" + breachOf(explained, "assess_needs") + "/reason",
                Map.of("reasonCode", "WORKLOAD")).expect(200);

        watcher.checkNow(Instant.now());
        assertThat(notifications(silent, "DEADLINE_BREACH_ESCALATED", SUPERVISORS)).as("within the grace").isZero();

        // a day and an hour pass for both breaches (trean.deadlines.escalate-after is P1D)
        jdbc.sql("update deadline_breach set detected_at = detected_at - interval '25 hours' where case_id in (?, ?)")
                .param(silent).param(explained).update();
        watcher.checkNow(Instant.now());
        watcher.checkNow(Instant.now());

        assertThat(notifications(silent, "DEADLINE_BREACH_ESCALATED", SUPERVISORS)).isOne();
        assertThat(notifications(explained, "DEADLINE_BREACH_ESCALATED", SUPERVISORS)).as("a reason came").isZero();
        assertThat(as("supervisor").get("/api/cases/" + silent + "/breaches").expect(200).body().get(0)
                .has("escalatedAt")).isTrue();
        assertThat(as("supervisor").get("/api/cases/" + explained + "/breaches").expect(200).body().get(0)
                .has("escalatedAt")).isFalse();
        assertThat(notificationKinds(as("supervisor"), silent)).contains("DEADLINE_BREACH_ESCALATED");
    }

    @Test
    void twelveHourBreachRecordedByItsTimerIsNotRecordedAgain() {
        Instant receivedAt = Instant.now().minus(Duration.ofHours(13)).truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        moveClockAndRunDueJobs(Instant.now());
        ClockUtil.reset();

        watcher.checkNow(Instant.now());

        JsonNode breaches = as("chairman").get("/api/cases/" + caseId + "/breaches").expect(200).body();
        assertThat(breaches).hasSize(1);
        assertThat(Instant.parse(breaches.get(0).get("deadlineAt").asText())).isEqualTo(receivedAt.plus(Duration.ofHours(12)));
        assertThat(breaches.get(0).has("escalatedAt")).as("the model escalated it at once").isTrue();
        assertThat(notifications(caseId, "DEADLINE_BREACH", CHAIRMANS)).isZero();
        assertThat(notifications(caseId, "TWELVE_HOUR_BREACH", CHAIRMANS)).isOne();
        assertThat(timelineEntry(as("chairman"), caseId, "deadline_breach").get("data").get("breachedStepKey").asText())
                .isEqualTo("verify_report");
    }

    @Test
    void twelveHourStepIsLeftToItsTimerForAWhileAndRecordedByTheWatcherAfter() {
        UUID recent = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(12)).minus(Duration.ofMinutes(5)));
        UUID missed = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(13)));

        watcher.checkNow(Instant.now());

        assertThat(as("chairman").get("/api/cases/" + recent + "/breaches").expect(200).body())
                .as("the timer's lag (10 minutes) has not passed").isEmpty();
        JsonNode missedBreaches = as("chairman").get("/api/cases/" + missed + "/breaches").expect(200).body();
        assertThat(missedBreaches).hasSize(1);
        assertThat(missedBreaches.get(0).get("stepKey").asText()).isEqualTo("verify_report");
    }

    @Test
    void stepWithoutADueDateIsNeverABreach() {
        UUID caseId = caseAtAssessment();
        jdbc.sql("update work_item set due_at = null where case_id = ?").param(caseId).update();

        watcher.checkNow(Instant.now());

        assertThat(count("select count(*) from deadline_breach where case_id = ?", caseId)).isZero();
    }

    @Test
    void casePageListsTheBreachesAndTheHoldingAgencyGivesItsReasonThere() {
        UUID caseId = caseAtAssessment();
        pastDue(caseId, "assess_needs", Duration.ofHours(2));
        watcher.checkNow(Instant.now());
        long breachId = breachOf(caseId, "assess_needs");

        String chairmans = html("chairman", "/cases/" + caseId);
        assertThat(chairmans).contains("id=\"breaches-table\"", "data-breach=\"" + breachId + "\"", "Chưa giải trình")
                .doesNotContain("breach-reason-form");
        assertThat(html("officer", "/cases/" + caseId)).contains("breach-reason-form", "Quá tải công việc");

        String missingNote = pageAs("officer", "/cases/" + caseId + "/breaches/" + breachId + "/reason",
                Map.of("reasonCode", "OTHER", "note", ""));
        assertThat(missingNote).contains("id=\"breach-problem\"", "Bắt buộc ghi rõ");
        String given = pageAs("officer", "/cases/" + caseId + "/breaches/" + breachId + "/reason",
                Map.of("reasonCode", "DATA_ENTRY_LATE", "note", ""));
        assertThat(given).contains("Đã ghi nhận lý do quá hạn.", "Đã làm đúng hạn, nhập vào hệ thống muộn")
                .doesNotContain("breach-reason-form");
        // the timeline: the breach and its reason, with the step, the reason and who gave it
        assertThat(html("chairman", "/cases/" + caseId)).contains("data-step=\"deadline_breach\"", "Quá thời hạn",
                "data-step=\"breach_reason\"", "Giải trình lý do quá hạn", "Người giải trình", "Nguyễn Văn An");
        assertThat(html("chairman", "/cases/" + caseId + "?lang=en")).contains("Missed deadlines",
                "Done in time, entered late");
    }

    /** A fresh case of commune A, verified: its needs assessment is open at the officer's agency (P5WD). */
    private UUID caseAtAssessment() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        return caseId;
    }

    /** Puts the open step's due date {@code ago} in the past, as if the time had passed; returns it. */
    private Instant pastDue(UUID caseId, String stepKey, Duration ago) {
        Instant due = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        int moved = jdbc.sql("update work_item set due_at = ? where case_id = ? and step_key = ?")
                .param(Timestamp.from(due)).param(caseId).param(stepKey).update();
        assertThat(moved).as("an open %s step of the case", stepKey).isOne();
        return due;
    }

    private long breachOf(UUID caseId, String stepKey) {
        return jdbc.sql("select id from deadline_breach where case_id = ? and step_key = ?").param(caseId).param(stepKey)
                .query(Long.class).single();
    }

    private int notifications(UUID caseId, String kind, String agencyId) {
        return count("select count(*) from notification where case_id = ? and kind = ? and agency_id = ?", caseId, kind,
                agencyId);
    }

    private static List<String> fields(Response problem) {
        List<String> names = new ArrayList<>();
        problem.body().get("errors").forEach(e -> names.add(e.get("field").asText()));
        return names;
    }
}
