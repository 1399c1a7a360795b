package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 12 item 3 through the API: the officer opens an amendment, proposes it with its form, the chairman decides,
 * and an approval adds, moves, hands over and stops measures in the running plan, which gets its next version. Bad
 * proposals are refused naming each field, and nothing is recorded.
 */
class PlanAmendmentIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void anApprovedAmendmentAddsAMeasureHandsOneToAnotherAgencyWithNewDatesAndStopsAnother() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        plan(caseId, measure("safety_monitoring", "police", "Theo dõi an toàn", 0, 30),
                measure("family_counselling", "commune-officer", "Tư vấn cho gia đình", 5, 20),
                measure("medical_care", "health", "Khám sức khoẻ", 0, 10));
        UUID watch = measureId(caseId, "Theo dõi an toàn");
        UUID counselling = measureId(caseId, "Tư vấn cho gia đình");
        UUID checkUp = measureId(caseId, "Khám sức khoẻ");

        JsonNode opened = as("officer").post("/api/cases/" + caseId + "/plan-amendments", Map.of()).expect(201).body();
        String proposal = opened.get("taskId").asText();
        JsonNode form = as("officer").get("/api/tasks/" + proposal).expect(200).body().get("form");
        assertThat(offered(form, "measureId")).as("the measures still carried out")
                .containsExactlyInAnyOrder(watch.toString(), counselling.toString(), checkUp.toString());

        Map<String, Object> proposed = Map.of("amendmentReason", "Gia đình chuyển nơi ở; trẻ cần trợ giúp pháp lý",
                "changes", List.of(
                        Map.of("action", "add", "measureType", "legal_aid", "responsibleRole", "commune-officer",
                                "description", "Trợ giúp pháp lý", "startDate", day(0), "endDate", day(45)),
                        Map.of("action", "change", "measureId", checkUp.toString(), "responsibleRole", "police",
                                "endDate", day(15)),
                        Map.of("action", "stop", "measureId", watch.toString())));
        as("officer").post("/api/tasks/" + proposal + "/complete", proposed).expect(204);
        assertThat(count("select count(*) from plan_measure where case_id = ? and status = 'WITHDRAWN'", caseId))
                .as("nothing changes before the chairman approves").isZero();

        String approval = taskOf("chairman", caseId, "approve_amendment").get("taskId").asText();
        JsonNode approvalForm = as("chairman").get("/api/tasks/" + approval).expect(200).body().get("form");
        assertThat(defaultOf(approvalForm, "proposedChanges")).contains("Thêm: Trợ giúp pháp lý")
                .contains("Dừng: Theo dõi an toàn").contains("Thay đổi: Khám sức khoẻ")
                .contains("Lý do: Gia đình chuyển nơi ở");
        assertThat(defaultOf(approvalForm, "planVersion")).isEqualTo("2");
        as("chairman").post("/api/tasks/" + approval + "/complete", Map.of("amendmentApproved", "yes",
                "proposedChanges", "the client's own words are ignored")).expect(204);

        assertThat(status(watch)).isEqualTo("WITHDRAWN");
        assertThat(hasTask("police", caseId, "implement_measure")).as("the police hold the check-up now").isTrue();
        assertThat(hasTask("health", caseId, "implement_measure")).as("handed over").isFalse();
        assertThat(count("select count(*) from work_item where case_id = ? and step_key = 'implement_measure'", caseId))
                .as("the check-up and the added measure; counselling still waits for its start").isEqualTo(2);
        assertThat(jdbc.sql("select due_at from work_item where measure_id = ?").param(checkUp).query(Instant.class)
                .single()).as("the check-up is due on its new end date").isEqualTo(dueOn(15));
        assertThat(count("select count(*) from plan_measure where case_id = ? and description = 'Trợ giúp pháp lý'"
                + " and status = 'ACTIVE' and plan_version = 2", caseId)).isOne();
        assertThat(count("select count(*) from plan_measure where id = ? and responsible_role = 'police'"
                + " and end_date = cast(? as date) and plan_version = 2", checkUp, day(15))).isOne();
        assertThat(management.createJobQuery().processInstanceId(instanceOf(caseId)).activityId("timer_plan_end")
                .singleResult().getDuedate().toInstant()).as("the plan now ends with its added measure")
                .isEqualTo(dueOn(45));

        assertThat(count("select count(*) from plan_amendment where case_id = ? and status = 'APPROVED' and version = 2"
                + " and jsonb_array_length(changes) = 3", caseId)).isOne();
        assertThat(timelineEntry(as("officer"), caseId, "approve_amendment").get("data").get("planVersion").asInt())
                .isEqualTo(2);
        assertThat(timelineEntry(as("officer"), caseId, "propose_amendment").get("data").get("amendmentReason")
                .asText()).startsWith("Gia đình chuyển nơi ở");
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'implement_measure'"
                + " and ended_at is not null and completed_at is null", caseId)).as("the stopped measure's step").isOne();
        assertThat(html("officer", "/cases/" + caseId)).contains("Kế hoạch phiên bản 2").contains("Đã huỷ")
                .contains("mà không được thực hiện xong");
    }

    @Test
    void aProposalThatCannotBeTrueIsRefusedNamingEachFieldAndNothingIsRecorded() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        plan(caseId, measure("safety_monitoring", "police", "Theo dõi an toàn", 0, 30),
                measure("medical_care", "health", "Khám sức khoẻ", 0, 10));
        UUID watch = measureId(caseId, "Theo dõi an toàn");
        UUID checkUp = measureId(caseId, "Khám sức khoẻ");
        String proposal = as("officer").post("/api/cases/" + caseId + "/plan-amendments", Map.of()).expect(201).body()
                .get("taskId").asText();

        Map<String, Object> impossible = Map.of("amendmentReason", "Thử", "changes", List.of(
                Map.of("action", "add", "measureType", "legal_aid", "responsibleRole", "commune-officer",
                        "description", "Trợ giúp pháp lý", "startDate", day(10), "endDate", day(5)),
                Map.of("action", "change", "measureId", watch.toString(), "startDate", day(2)),
                Map.of("action", "change", "measureId", checkUp.toString(), "endDate", day(10)),
                Map.of("action", "stop", "measureId", checkUp.toString()),
                Map.of("action", "add", "measureType", "legal_aid", "startDate", day(1), "endDate", day(5))));
        JsonNode problem = as("officer").inLanguage("en").post("/api/tasks/" + proposal + "/complete", impossible)
                .expect(400).body();
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText() + ": " + e.get("message").asText())
                .containsExactlyInAnyOrder(
                        "changes[0].endDate: The end date must not be before the start date.",
                        "changes[1].startDate: The measure has started: its start date cannot change.",
                        "changes[2].action: This change is no different from the measure as it is.",
                        "changes[3].measureId: This measure already has another change in the same proposal.",
                        "changes[4].responsibleRole: Required.", "changes[4].description: Required.");

        Map<String, Object> unknownMeasure = Map.of("amendmentReason", "Thử", "changes", List.of(
                Map.of("action", "stop", "measureId", UUID.randomUUID().toString())));
        JsonNode notOffered = as("officer").post("/api/tasks/" + proposal + "/complete", unknownMeasure).expect(400)
                .body();
        assertThat(notOffered.get("errors").get(0).get("field").asText()).isEqualTo("changes[0].measureId");

        assertThat(count("select count(*) from plan_amendment where case_id = ?", caseId)).isZero();
        assertThat(hasTask("officer", caseId, "propose_amendment")).as("still to be proposed").isTrue();
    }

    @Test
    void onlyTheOfficerOfTheCommuneAmendsARunningPlanOneProposalAtATimeAndADeclinedOneChangesNothing() {
        UUID noPlan = fileReport(COMMUNE_A, Instant.now());
        assertThat(as("officer").post("/api/cases/" + noPlan + "/plan-amendments", Map.of()).expect(409).body()
                .get("code").asText()).isEqualTo("plan-not-running");

        UUID caseId = caseWithAPoliceMeasure();
        UUID watch = measureId(caseId, "Theo dõi");
        String url = "/api/cases/" + caseId + "/plan-amendments";
        assertThat(as("chairman").post(url, Map.of()).expect(403).body().get("code").asText())
                .isEqualTo("amendment-not-allowed");
        as("police").post(url, Map.of()).expect(403);
        as("officer.ngocha").post(url, Map.of()).expect(404);

        String proposal = as("officer").post(url, Map.of()).expect(201).body().get("taskId").asText();
        assertThat(as("officer").post(url, Map.of()).expect(409).body().get("code").asText())
                .isEqualTo("amendment-pending");
        as("officer").post("/api/tasks/" + proposal + "/complete", Map.of("amendmentReason", "Trẻ đã chuyển trường",
                "changes", List.of(Map.of("action", "stop", "measureId", watch.toString())))).expect(204);
        complete("chairman", caseId, "approve_amendment", Map.of("amendmentApproved", "no", "comments", "Tiếp tục"));

        assertThat(status(watch)).isEqualTo("ACTIVE");
        assertThat(hasTask("police", caseId, "implement_measure")).isTrue();
        assertThat(count("select count(*) from plan_amendment where case_id = ? and status = 'NOT_APPROVED'"
                + " and version is null", caseId)).isOne();
        as("officer").post(url, Map.of()).expect(201);
    }

    @Test
    void anApprovalAfterTheReviewOpenedIsRefusedAndTheLastMeasureStoppedOpensTheReview() {
        UUID caseId = caseWithAPoliceMeasure();
        UUID watch = measureId(caseId, "Theo dõi");
        Map<String, Object> stopIt = Map.of("amendmentReason", "Không còn cần theo dõi",
                "changes", List.of(Map.of("action", "stop", "measureId", watch.toString())));
        String url = "/api/cases/" + caseId + "/plan-amendments";

        // the police finish their measure while the chairman has the proposal: the review opens, the plan is done
        String first = as("officer").post(url, Map.of()).expect(201).body().get("taskId").asText();
        as("officer").post("/api/tasks/" + first + "/complete", stopIt).expect(204);
        complete("police", caseId, "implement_measure", Map.of("status", "done", "completedOn", day(0)));
        assertThat(hasTask("officer", caseId, "review_case")).isTrue();
        String approval = taskOf("chairman", caseId, "approve_amendment").get("taskId").asText();
        assertThat(as("chairman").post("/api/tasks/" + approval + "/complete", Map.of("amendmentApproved", "yes"))
                .expect(409).body().get("code").asText()).isEqualTo("plan-under-review");
        assertThat(status(watch)).isEqualTo("DONE");
        assertThat(as("officer").post(url, Map.of()).expect(409).body().get("code").asText())
                .isEqualTo("plan-under-review");

        // another case: its only measure stopped by an amendment, the review opens at once
        UUID other = caseWithAPoliceMeasure();
        UUID otherWatch = measureId(other, "Theo dõi");
        String second = as("officer").post("/api/cases/" + other + "/plan-amendments", Map.of()).expect(201).body()
                .get("taskId").asText();
        as("officer").post("/api/tasks/" + second + "/complete", Map.of("amendmentReason", "Không còn cần",
                "changes", List.of(Map.of("action", "stop", "measureId", otherWatch.toString())))).expect(204);
        complete("chairman", other, "approve_amendment", Map.of("amendmentApproved", "yes"));
        assertThat(status(otherWatch)).isEqualTo("WITHDRAWN");
        assertThat(hasTask("police", other, "implement_measure")).isFalse();
        assertThat(hasTask("officer", other, "review_case")).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private void plan(UUID caseId, Map<String, Object>... measures) {
        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        complete("officer", caseId, "draft_plan", Map.of("planSummary", "Kế hoạch", "measures", List.of(measures)));
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes"));
    }

    private static Map<String, Object> measure(String type, String role, String description, int startIn, int endIn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measureType", type);
        m.put("responsibleRole", role);
        m.put("description", description);
        m.put("startDate", day(startIn));
        m.put("endDate", day(endIn));
        return m;
    }

    private static String day(int fromToday) {
        return today().plusDays(fromToday).toString();
    }

    /** 17:00 in Vietnam, {@code fromToday} days on: when a measure ending that day is due. */
    private static Instant dueOn(int fromToday) {
        LocalDate day = today().plusDays(fromToday);
        return day.atTime(17, 0).atZone(VIETNAM).toInstant();
    }

    private UUID measureId(UUID caseId, String description) {
        return jdbc.sql("select id from plan_measure where case_id = ? and description = ?").param(caseId)
                .param(description).query(UUID.class).single();
    }

    private String status(UUID measureId) {
        return jdbc.sql("select status from plan_measure where id = ?").param(measureId).query(String.class).single();
    }

    /** The values a select offers, wherever it is in the form (the changes are a dynamic list). */
    private static List<String> offered(JsonNode form, String key) {
        List<String> values = new ArrayList<>();
        for (JsonNode c : form.path("components")) {
            if (key.equals(c.path("key").asText())) {
                c.path("values").forEach(v -> values.add(v.get("value").asText()));
            }
            values.addAll(offered(c, key));
        }
        return values;
    }

    private static String defaultOf(JsonNode form, String key) {
        for (JsonNode c : form.get("components")) {
            if (key.equals(c.path("key").asText())) {
                return c.path("defaultValue").asText();
            }
        }
        throw new AssertionError("no field " + key);
    }
}
