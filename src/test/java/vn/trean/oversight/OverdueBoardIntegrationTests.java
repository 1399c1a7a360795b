package vn.trean.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class OverdueBoardIntegrationTests extends ApiIntegrationTest {

    @Test
    void supervisorSeesTheCountdownThenTheOverdueStepOnceTwelveHoursPass() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_B, receivedAt);

        JsonNode before = as("supervisor").get("/api/board").expect(200).body();
        JsonNode window = find(before.get("inTwelveHourWindow"), caseId);
        assertThat(Instant.parse(window.get("windowEndsAt").asText())).isEqualTo(receivedAt.plus(Duration.ofHours(12)));
        assertThat(window.get("secondsLeft").asLong()).isBetween(Duration.ofHours(11).toSeconds(), Duration.ofHours(12).toSeconds());
        assertThat(find(before.get("overdue"), caseId)).isNull();

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(14)));

        JsonNode after = as("supervisor").get("/api/board?sort=LATE").expect(200).body();
        JsonNode overdue = find(after.get("overdue"), caseId);
        assertThat(overdue.get("stepKey").asText()).isEqualTo("verify_report");
        assertThat(overdue.get("lateSeconds").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(overdue.get("agencyIds")).extracting(JsonNode::asText).containsExactly("child-protection-" + COMMUNE_B);
        assertThat(find(after.get("inTwelveHourWindow"), caseId)).isNull();
        assertThat(after.get("openByStep")).extracting(s -> s.get("stepKey").asText()).contains("verify_report", "escalate_breach");
    }

    @Test
    void chairmanSeesOnlyTheirCommuneAndCaseworkersHaveNoBoard() {
        UUID inA = fileReport(COMMUNE_A, Instant.now());
        UUID inB = fileReport(COMMUNE_B, Instant.now());
        JsonNode board = as("chairman").get("/api/board").expect(200).body();
        assertThat(find(board.get("inTwelveHourWindow"), inA)).isNotNull();
        assertThat(find(board.get("inTwelveHourWindow"), inB)).isNull();
        assertThat(as("teacher").get("/api/board").expect(403).body().get("code").asText()).isEqualTo("board-forbidden");
    }

    @Test
    void overdueListIsExportedAsCsvAndXlsx() throws Exception {
        Instant receivedAt = Instant.now().minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        String number = jdbc.sql("select case_number from case_file where id = ?").param(caseId).query(String.class).single();

        HttpResponse<byte[]> csv = download("/api/board/overdue.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFSố hồ sơ / Case,").contains(number + ",00004,\"Xác minh, đánh giá nguy cơ ban đầu\"");

        HttpResponse<byte[]> xlsx = download("/api/board/overdue.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                if (number.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(5).getNumericCellValue()).isGreaterThanOrEqualTo(8.0);
                }
            }
            assertThat(found).as("case %s in the workbook", number).isTrue();
        }
    }

    /**
     * A case counts once its 12 hours have ended by the engine's clock, so both counts are taken at the same
     * instant, when the windows of this test's cases have ended: another test's case of Ngọc Hà received in the
     * last hours counts in both or in neither, and the difference is this test's two cases.
     */
    @Test
    void complianceCountsCasesWhoseTwelveHourStepsWereDoneInTime() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String period = "/api/board/compliance?from=" + today.minusDays(1) + "&to=" + today;
        Instant received = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant windowsEnded = received.plus(Duration.ofHours(13));
        ClockUtil.setCurrentTime(Date.from(windowsEnded));
        JsonNode before = row(as("supervisor").get(period).expect(200).body(), COMMUNE_B);
        ClockUtil.reset();

        UUID inTime = fileReport(COMMUNE_B, received);
        complete("officer.ngocha", inTime, "verify_report", verification(false));
        UUID late = fileReport(COMMUNE_B, received);
        moveClockAndRunDueJobs(windowsEnded);
        complete("officer.ngocha", late, "verify_report", verification(false));

        JsonNode after = row(as("supervisor").get(period).expect(200).body(), COMMUNE_B);
        assertThat(after.get("casesReceived").asInt()).isEqualTo(count(before, "casesReceived") + 2);
        assertThat(after.get("twelveHourInTime").asInt()).isEqualTo(count(before, "twelveHourInTime") + 1);
        as("supervisor").get("/api/board/compliance?from=" + today + "&to=" + today.minusDays(3)).expect(400);
    }

    private static int count(JsonNode row, String field) {
        return row == null ? 0 : row.get(field).asInt();
    }

    private static JsonNode row(JsonNode rows, String commune) {
        for (JsonNode r : rows) {
            if (r.get("communeCode").asText().equals(commune)) {
                return r;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode rows, UUID caseId) {
        for (JsonNode r : rows) {
            if (r.get("caseId").asText().equals(caseId.toString())) {
                return r;
            }
        }
        return null;
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("supervisor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
