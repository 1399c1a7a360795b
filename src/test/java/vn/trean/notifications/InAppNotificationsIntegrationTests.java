package vn.trean.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 11 item 5: each kind of in-app notification produced by its real path — a report filed, the engine clock
 * moved to the 12-hour reminder and past the breach, a transfer offered and accepted, an emergency declared — in
 * the inbox of each member of the agency it reached, with read state per person. The words name the case number,
 * the step and the commune, never the child.
 */
class InAppNotificationsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    Inbox inbox;

    private static final String CHILD = "Nguyễn Thị Hoà";

    /** A little before the test began: its notifications are newer. */
    private final Instant started = Instant.now().minus(Duration.ofMinutes(1));

    @Test
    void aFiledReportGivesTheCommuneOfficerANewTaskNotificationThatOpensTheTaskAndIsThenRead() {
        int before = unread("officer");
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = caseNumber(caseId);
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();

        JsonNode notice = only(items("officer", caseNumber), "NEW_TASK");
        assertThat(notice.get("unread").asBoolean()).isTrue();
        assertThat(notice.get("title").asText()).isEqualTo("Công việc mới");
        assertThat(notice.get("text").asText()).contains(caseNumber, "Ba Đình").doesNotContain(CHILD);
        assertThat(notice.get("href").asText()).isEqualTo("/notifications/" + notice.get("id").asText());
        assertThat(unread("officer")).isGreaterThanOrEqualTo(before + 1);
        assertThat(items("officer.ngocha", caseNumber)).as("another commune's officer").isEmpty();

        int unread = unread("officer");
        JsonNode opened = as("officer").post("/api/notifications/" + notice.get("id").asText() + "/read", null)
                .expect(200).body();
        assertThat(opened.get("href").asText()).isEqualTo("/tasks/" + taskId);
        assertThat(opened.get("unread").asBoolean()).isFalse();
        assertThat(unread("officer")).isEqualTo(unread - 1);
        assertThat(only(items("officer", caseNumber), "NEW_TASK").get("unread").asBoolean()).isFalse();

        // once the task is done, the notice leads to the case
        complete("officer", caseId, "verify_report", verification(false));
        assertThat(as("officer").post("/api/notifications/" + notice.get("id").asText() + "/read", null).expect(200)
                .body().get("href").asText()).isEqualTo("/cases/" + caseId);
    }

    @Test
    void someoneElsesNotificationIsNotFoundAndStaysUnread() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String id = only(items("officer", caseNumber(caseId)), "NEW_TASK").get("id").asText();

        as("officer.ngocha").post("/api/notifications/" + id + "/read", null).expect(404);
        as("chairman").post("/api/notifications/" + id + "/read", null).expect(404);
        assertThat(only(items("officer", caseNumber(caseId)), "NEW_TASK").get("unread").asBoolean()).isTrue();
        as("officer").post("/api/notifications/" + Long.MAX_VALUE + "/read", null).expect(404);
    }

    @Test
    void theTwelveHourReminderReachesTheOfficerAndTheChairmanWhenTheEngineClockGetsThere() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        String caseNumber = caseNumber(caseId);
        assertThat(kinds("chairman", caseNumber)).doesNotContain("TWELVE_HOUR_REMINDER");

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(9)).plusSeconds(1));

        for (String user : List.of("officer", "chairman")) {
            JsonNode reminder = only(items(user, caseNumber), "TWELVE_HOUR_REMINDER");
            assertThat(reminder.get("text").asText()).contains(caseNumber, "Ba Đình").doesNotContain(CHILD);
            assertThat(reminder.get("caseId").asText()).isEqualTo(caseId.toString());
        }
        JsonNode english = as("chairman").inLanguage("en").get("/api/notifications/inbox?size=100").expect(200).body();
        assertThat(english.toString()).contains("12-hour reminder");
    }

    @Test
    void aBreachReachesTheProvinceAndEachMemberReadsItForThemselves() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        String caseNumber = caseNumber(caseId);

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(12)).plusSeconds(60));

        assertThat(kinds("chairman", caseNumber)).contains("TWELVE_HOUR_BREACH");
        JsonNode breach = only(items("supervisor", caseNumber), "TWELVE_HOUR_BREACH");
        JsonNode read = as("supervisor").post("/api/notifications/" + breach.get("id").asText() + "/read", null)
                .expect(200).body();
        assertThat(read.get("href").asText()).isEqualTo("/cases/" + caseId);
        assertThat(only(items("owner", caseNumber), "TWELVE_HOUR_BREACH").get("unread").asBoolean())
                .as("a colleague of the same agency still has it unread").isTrue();
    }

    @Test
    void aTransferOfferedReachesTheReceivingOfficerAndItsAcceptanceTheSender() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = caseNumber(caseId);
        String transferId = as("officer").post("/api/cases/" + caseId + "/transfers",
                        Map.of("toCommuneCode", COMMUNE_B, "reason", "Gia đình đã chuyển đến Ngọc Hà"))
                .expect(201).body().get("id").asText();

        JsonNode offered = only(items("officer.ngocha", caseNumber), "TRANSFER_REQUESTED");
        assertThat(offered.get("text").asText()).contains(caseNumber, "Ba Đình").doesNotContain(CHILD);
        assertThat(as("officer.ngocha").post("/api/notifications/" + offered.get("id").asText() + "/read", null)
                .expect(200).body().get("href").asText()).as("the case is not theirs before they accept")
                .isEqualTo("/transfers");

        as("officer.ngocha").post("/api/cases/" + caseId + "/transfers/" + transferId + "/accept", null).expect(200);

        JsonNode accepted = only(items("officer", caseNumber), "TRANSFER_ACCEPTED");
        assertThat(accepted.get("text").asText()).contains(caseNumber, "Ngọc Hà");
        assertThat(as("officer").post("/api/notifications/" + accepted.get("id").asText() + "/read", null)
                .expect(200).body().get("href").asText()).isEqualTo("/cases/" + caseId);
    }

    @Test
    void aDeclaredEmergencyReachesTheProvinceSupervisorAtOnce() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = caseNumber(caseId);
        assertThat(kinds("supervisor", caseNumber)).doesNotContain("EMERGENCY_REPORTED");

        complete("officer", caseId, "verify_report", verification(true));

        JsonNode emergency = only(items("supervisor", caseNumber), "EMERGENCY_REPORTED");
        assertThat(emergency.get("title").asText()).isEqualTo("Báo cáo trường hợp khẩn cấp");
        assertThat(emergency.get("text").asText()).contains(caseNumber, "Ba Đình").doesNotContain(CHILD);
        assertThat(as("supervisor").post("/api/notifications/" + emergency.get("id").asText() + "/read", null)
                .expect(200).body().get("href").asText()).isEqualTo("/cases/" + caseId);
    }

    @Test
    void markAllReadClearsOnlyTheCallersBell() {
        fileReport(COMMUNE_A, Instant.now());
        assertThat(unread("officer")).isPositive();
        int chairman = unread("chairman");

        assertThat(as("officer").post("/api/notifications/read-all", null).expect(200).body().get("unread").asInt())
                .isZero();

        assertThat(unread("officer")).isZero();
        assertThat(unread("chairman")).isEqualTo(chairman);
    }

    @Test
    void theBellCountsNoFurtherThanItShows() {
        fileReport(COMMUNE_A, Instant.now());
        fileReport(COMMUNE_A, Instant.now());
        assertThat(unread("officer")).isGreaterThanOrEqualTo(2);
        assertThat(inbox.unreadUpTo("officer", 1)).isOne();
        assertThat(inbox.unreadUpTo("officer", 100)).isEqualTo(Math.min(100, unread("officer")));
    }

    @Test
    void aPageOutOfBoundsIsRefusedNamingTheField() {
        JsonNode tooBig = as("officer").get("/api/notifications/inbox?size=101").expect(400).body();
        assertThat(tooBig.toString()).contains("size");
        as("officer").get("/api/notifications/inbox?size=0").expect(400);
        as("officer").get("/api/notifications/inbox?page=-1").expect(400);
        as("officer").get("/api/notifications/inbox?page=x").expect(400);
        JsonNode page = as("officer").get("/api/notifications/inbox?size=1").expect(200).body();
        assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
        assertThat(page.get("size").asInt()).isOne();
    }

    private String caseNumber(UUID caseId) {
        return as("officer").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
    }

    private int unread(String user) {
        return as(user).get("/api/notifications/unread").expect(200).body().get("unread").asInt();
    }

    /**
     * The user's notifications about a case, newest first: the pages back to the test's start (other tests' timers,
     * run when the engine clock moves, may have put many newer ones in front of it).
     */
    private List<JsonNode> items(String user, String caseNumber) {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode inbox = as(user).get("/api/notifications/inbox?size=100&page=" + page).expect(200).body();
            Instant oldest = null;
            for (JsonNode item : inbox.get("items")) {
                if (caseNumber.equals(item.path("caseNumber").asText())) {
                    found.add(item);
                }
                oldest = Instant.parse(item.get("createdAt").asText());
            }
            if (!inbox.get("hasNext").asBoolean() || oldest == null || oldest.isBefore(started)) {
                return found;
            }
        }
    }

    private List<String> kinds(String user, String caseNumber) {
        return items(user, caseNumber).stream().map(i -> i.get("kind").asText()).toList();
    }

    private static JsonNode only(List<JsonNode> items, String kind) {
        List<JsonNode> ofKind = items.stream().filter(i -> kind.equals(i.get("kind").asText())).toList();
        assertThat(ofKind).as("one %s notification in %s", kind, items).hasSize(1);
        return ofKind.get(0);
    }
}
