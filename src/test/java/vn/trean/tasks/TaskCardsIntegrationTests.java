package vn.trean.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** Issue 11 item 2: each task of "My tasks" says who it is about and how urgent it is; the list is paged in its query. */
class TaskCardsIntegrationTests extends ApiIntegrationTest {

    private UUID report(String childName, Instant receivedAt) {
        return UUID.fromString(as("hotline").post("/api/reports", report(COMMUNE_A, receivedAt, childName)).expect(201)
                .body().get("id").asText());
    }

    private String communeName() {
        return jdbc.sql("select name from locality where list = 'V2025' and code = ?").param(COMMUNE_A)
                .query(String.class).single();
    }

    @Test
    void aCardNamesTheChildWithAgeCommuneCategoryAndTheRiskOnceVerified() {
        UUID caseId = report("Lê Thị Bích Ngọc", Instant.now());
        JsonNode card = taskOf("officer", caseId, "verify_report");
        assertThat(card.get("child").asText()).isEqualTo("Lê Thị Bích Ngọc");
        assertThat(card.get("ageYears").asInt()).isEqualTo(9);
        assertThat(card.get("ageEstimated").asBoolean()).isTrue();
        assertThat(card.get("communeName").asText()).isEqualTo(communeName());
        assertThat(card.get("category").asText()).isEqualTo("ABUSED");
        assertThat(card.has("riskLevel")).as("not verified yet").isFalse();
        assertThat(card.get("urgency").asText()).isEqualTo("CALM");

        String page = pageAs("officer", "/tasks?caseId=" + caseId);
        assertThat(page).contains("Lê Thị Bích Ngọc", "khoảng 9 tuổi", communeName(), "Trẻ bị xâm hại", "Còn hơn 6 giờ");

        complete("officer", caseId, "verify_report", verification(true));
        JsonNode emergency = taskOf("chairman", caseId, "emergency_intervention");
        assertThat(emergency.get("riskLevel").asText()).isEqualTo("high");
        assertThat(emergency.get("emergency").asBoolean()).isTrue();
        assertThat(pageAs("chairman", "/tasks?caseId=" + caseId)).contains("Nguy cơ: Cao", "Khẩn cấp");
    }

    @Test
    void anAgencyThatDoesNotRunTheCaseSeesTheInitialsAndNoRisk() {
        UUID caseId = caseWithAPoliceMeasure();
        JsonNode card = taskOf("police", caseId, "implement_measure");
        assertThat(card.get("child").asText()).isEqualTo("N.T.H.");
        assertThat(card.has("riskLevel")).isFalse();
        assertThat(pageAs("police", "/tasks?caseId=" + caseId)).contains("N.T.H.").doesNotContain("Nguyễn Thị Hoà");
    }

    @Test
    void urgencyGoesUpInStepsAsTheClockMovesAndTheTwelveHourWindowIsBreached() {
        Instant received = Instant.now();
        UUID caseId = report("Phạm Văn Nam", received);
        record Step(Duration after, String urgency, boolean breached, String words) {
        }
        for (Step step : List.of(new Step(Duration.ofHours(5), "CALM", false, "Còn hơn 6 giờ"),
                new Step(Duration.ofHours(7), "SOON", false, "Còn 1–6 giờ"),
                new Step(Duration.ofMinutes(11 * 60 + 30), "URGENT", false, "Còn dưới 1 giờ"),
                new Step(Duration.ofHours(13), "OVERDUE", true, "Vi phạm hạn 12 giờ"))) {
            ClockUtil.setCurrentTime(Date.from(received.plus(step.after())));
            JsonNode card = taskOf("officer", caseId, "verify_report");
            assertThat(card.get("urgency").asText()).as("after %s", step.after()).isEqualTo(step.urgency());
            assertThat(card.get("windowBreached").asBoolean()).as("after %s", step.after()).isEqualTo(step.breached());
            assertThat(pageAs("officer", "/tasks?caseId=" + caseId)).contains(step.words());
        }
    }

    @Test
    void theListIsPagedInItsQueryWithTheTotalAndTheOverdueCountBeside() {
        report("Đỗ Minh Anh", Instant.now().minus(Duration.ofHours(13)));
        report("Đỗ Minh Bảo", Instant.now());
        Response all = as("officer").get("/api/tasks").expect(200);
        assertThat(all.body().size()).isLessThanOrEqualTo(TaskPage.MAX_SIZE);
        long total = Long.parseLong(all.headers().getFirst("X-Total-Count"));
        long overdue = Long.parseLong(all.headers().getFirst("X-Overdue-Count"));
        Response overdueOnly = as("officer").get("/api/tasks?overdue=true").expect(200);
        assertThat(overdue).isPositive().isLessThan(total)
                .isEqualTo(Long.parseLong(overdueOnly.headers().getFirst("X-Total-Count")));
        assertThat(overdueOnly.headers().getFirst("X-Overdue-Count")).isEqualTo(Long.toString(overdue));
        assertThat(pageAs("officer", "/tasks")).contains(overdue + " việc quá hạn");

        assertThat(createdTimes(as("officer").get("/api/tasks?sort=NEWEST&size=20").expect(200).body()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(createdTimes(as("officer").get("/api/tasks?sort=OLDEST&size=20").expect(200).body())).isSorted();
        assertThat(as("officer").get("/api/tasks?sort=SIDEWAYS").expect(400).body().toString()).contains("sort");
        as("officer").get("/api/tasks?size=51").expect(400);
        assertThat(pageAs("officer", "/tasks?sort=NEWEST")).contains("Việc mới nhất trước");
    }

    private static List<Instant> createdTimes(JsonNode tasks) {
        List<Instant> times = new ArrayList<>();
        tasks.forEach(t -> times.add(Instant.parse(t.get("createdAt").asText())));
        return times;
    }
}
