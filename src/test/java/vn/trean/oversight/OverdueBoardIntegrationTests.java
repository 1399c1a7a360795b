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

        JsonNode window = onBoard("supervisor", "", "inTwelveHourWindow", caseId);
        assertThat(Instant.parse(window.get("windowEndsAt").asText())).isEqualTo(receivedAt.plus(Duration.ofHours(12)));
        assertThat(window.get("secondsLeft").asLong()).isBetween(Duration.ofHours(11).toSeconds(), Duration.ofHours(12).toSeconds());
        assertThat(onBoard("supervisor", "", "overdue", caseId)).isNull();

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(14)));

        JsonNode after = as("supervisor").get("/api/board?sort=LATE").expect(200).body();
        JsonNode overdue = onBoard("supervisor", "sort=LATE", "overdue", caseId);
        assertThat(overdue.get("stepKey").asText()).isEqualTo("verify_report");
        assertThat(overdue.get("lateSeconds").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(overdue.get("agencyIds")).extracting(JsonNode::asText).containsExactly("child-protection-" + COMMUNE_B);
        assertThat(onBoard("supervisor", "sort=LATE", "inTwelveHourWindow", caseId)).isNull();
        assertThat(after.get("openByStep")).extracting(s -> s.get("stepKey").asText()).contains("verify_report", "escalate_breach");
    }

    @Test
    void chairmanSeesOnlyTheirCommuneAndCaseworkersHaveNoBoard() {
        UUID inA = fileReport(COMMUNE_A, Instant.now());
        UUID inB = fileReport(COMMUNE_B, Instant.now());
        assertThat(onBoard("chairman", "", "inTwelveHourWindow", inA)).isNotNull();
        assertThat(onBoard("chairman", "", "inTwelveHourWindow", inB)).isNull();
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
        assertThat(text).startsWith("\uFEFFSố hồ sơ / Case,").contains(number + ",")
                .contains(",\"Xác minh, đánh giá nguy cơ ban đầu\",");

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

    @Test
    void overdueStepsArePagedFilteredAndCountedInTheQuery() {
        String mine = "/api/board?commune=" + COMMUNE_A + "&step=verify_report&agency=child-protection-" + COMMUNE_A;
        long before = as("supervisor").get(mine).expect(200).body().at("/counts/overdue").asLong();
        Instant received = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        UUID earlier = fileReport(COMMUNE_A, received);
        UUID later = fileReport(COMMUNE_A, received.plusSeconds(60));

        JsonNode first = as("supervisor").get(mine).expect(200).body();
        assertThat(first.at("/counts/overdue").asLong()).isEqualTo(before + 2);
        assertThat(first.get("overdue").size()).isLessThanOrEqualTo(50);
        assertThat(first.get("size").asInt()).isEqualTo(50);
        assertThat(first.get("overdue")).allSatisfy(r -> {
            assertThat(r.get("communeCode").asText()).isEqualTo(COMMUNE_A);
            assertThat(r.get("stepKey").asText()).isEqualTo("verify_report");
        });
        // walked a step at a time, in order of deadline, both cases come up once each, the earlier first
        java.util.List<String> order = new java.util.ArrayList<>();
        java.util.List<Instant> dues = new java.util.ArrayList<>();
        long total = first.at("/counts/overdue").asLong();
        for (int page = 0; page < total; page++) {
            JsonNode onePage = as("supervisor").get(mine + "&size=1&page=" + page).expect(200).body();
            assertThat(onePage.get("overdue").size()).isEqualTo(1);
            assertThat(onePage.at("/counts/overdue").asLong()).isEqualTo(total);
            order.add(onePage.at("/overdue/0/caseId").asText());
            dues.add(Instant.parse(onePage.at("/overdue/0/dueAt").asText()));
        }
        assertThat(dues).isSorted();
        assertThat(order).containsSubsequence(earlier.toString(), later.toString()).doesNotHaveDuplicates();
        assertThat(as("supervisor").get(mine + "&size=1&page=" + total).expect(200).body().get("overdue")).isEmpty();

        // the other filters leave them out
        assertThat(onPages("/api/board?commune=" + COMMUNE_B, "overdue", "page", earlier)).isNull();
        assertThat(onPages(mine + "&emergency=true", "overdue", "page", earlier)).isNull();
        assertThat(onPages("/api/board?step=draft_plan&commune=" + COMMUNE_A, "overdue", "page", later)).isNull();
        // sorted by case number in the query: each page in order
        JsonNode byCase = as("supervisor").get(mine + "&sort=CASE").expect(200).body();
        java.util.List<String> numbers = new java.util.ArrayList<>();
        byCase.get("overdue").forEach(r -> numbers.add(r.get("caseNumber").asText()));
        assertThat(numbers).isSorted();
    }

    @Test
    void aWrongPageSizeOrFilterIsRefusedNamingTheParameter() {
        assertThat(as("supervisor").get("/api/board?size=51").expect(400).body().get("detail").asText()).contains("size");
        assertThat(as("supervisor").inLanguage("en").get("/api/board?page=-1").expect(400).body().get("detail").asText())
                .contains("\"page\"");
        assertThat(as("chairman").get("/api/board?step=nothing").expect(400).body().get("detail").asText()).contains("step");
        assertThat(as("supervisor").get("/api/board?commune=abc").expect(400).body().get("detail").asText()).contains("commune");
        assertThat(as("supervisor").get("/api/board/overdue.csv?agency=%20x%20y").expect(400).body().get("detail").asText())
                .contains("agency");
    }

    @Test
    void theTwelveHourListNamesTheCommuneTheAgencyAndTheEmergency() {
        UUID calm = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(1)));
        UUID emergency = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(1)));
        complete("officer", emergency, "verify_report", verification(true));

        String path = "/api/board?commune=" + COMMUNE_A;
        JsonNode row = onPages(path, "inTwelveHourWindow", "windowPage", emergency);
        assertThat(row).as("the emergency case in the 12-hour list").isNotNull();
        assertThat(row.get("communeCode").asText()).isEqualTo(COMMUNE_A);
        assertThat(row.get("emergency").asBoolean()).isTrue();
        assertThat(row.get("agencyIds")).isNotEmpty();
        JsonNode calmRow = onPages(path, "inTwelveHourWindow", "windowPage", calm);
        assertThat(calmRow.get("emergency").asBoolean()).isFalse();
        assertThat(calmRow.get("agencyIds")).extracting(JsonNode::asText).containsExactly("child-protection-" + COMMUNE_A);
        assertThat(onPages(path + "&emergency=true", "inTwelveHourWindow", "windowPage", emergency)).isNotNull();
        assertThat(onPages(path + "&emergency=true", "inTwelveHourWindow", "windowPage", calm)).isNull();
    }

    /**
     * A day of the past that no other test files reports on: its one case of Ba Đình is past its 12 hours, and no
     * plan of that day was approved — 0/0, which the page, the CSV and the workbook say in words.
     */
    @Test
    void complianceExplainsZeroOfZeroAndIsExportedAsCsvAndXlsxThatReadBack() throws Exception {
        LocalDate day = LocalDate.of(2018, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(1800));
        var report = report(COMMUNE_A, day.atTime(10, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(), "Lê Văn An");
        report.put("lateReason", "Hồ sơ giấy được nhập lại");
        as("hotline").post("/api/reports", report).expect(201);
        String period = "from=" + day + "&to=" + day;

        JsonNode row = row(as("supervisor").get("/api/board/compliance?" + period).expect(200).body(), COMMUNE_A);
        assertThat(row.get("casesReceived").asInt()).isPositive();
        assertThat(row.get("plansApproved").asInt()).isZero();
        String page = html("supervisor", "/board?" + period);
        assertThat(page).contains("chưa có kế hoạch nào được phê duyệt trong kỳ", "0/0 nghĩa là",
                "/api/board/compliance.xlsx?" + period.replace("&", "&amp;"));
        assertThat(pageAs("supervisor", "/board?lang=en&" + period)).contains("no plan was approved in the period");

        HttpResponse<byte[]> csv = download("/api/board/compliance.csv?" + period);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFMã xã / Commune code,");
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new java.io.StringReader(text.substring(1)))) {
            var record = parser.getRecords().stream().filter(r -> r.get(0).equals(COMMUNE_A)).findFirst().orElseThrow();
            assertThat(record.get(1)).contains("Ba Đình");
            assertThat(Integer.parseInt(record.get(2))).isEqualTo(row.get("casesReceived").asInt());
            assertThat(record.get(5)).isEqualTo("0");
            assertThat(record.get(7)).isEqualTo("Chưa có hồ sơ đến bước này / No case reached this point");
        }

        HttpResponse<byte[]> xlsx = download("/api/board/compliance.xlsx?" + period);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Tỷ lệ 12 giờ / 12-hour share");
            org.apache.poi.ss.usermodel.Row found = null;
            for (var r : sheet) {
                if (COMMUNE_A.equals(r.getCell(0).getStringCellValue())) {
                    found = r;
                }
            }
            assertThat(found).as("Ba Đình in the workbook").isNotNull();
            assertThat(found.getCell(2).getNumericCellValue()).isEqualTo(row.get("casesReceived").asDouble());
            assertThat(found.getCell(7).getStringCellValue()).startsWith("Chưa có hồ sơ đến bước này");
        }
    }

    /** The row of a case in a paged list of the supervisor's board, looked for page by page; null when absent. */
    private JsonNode onPages(String path, String list, String pageParameter, UUID caseId) {
        for (int page = 0; ; page++) {
            JsonNode board = as("supervisor").get(path + "&" + pageParameter + "=" + page).expect(200).body();
            JsonNode found = find(board.get(list), caseId);
            if (found != null || board.get(list).isEmpty()) {
                return found;
            }
        }
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

    /**
     * The case's row in one of the board's lists, on whichever page of it the case is (the lists are paged, and the
     * tests share the database); null when no page has it.
     */
    private JsonNode onBoard(String user, String query, String list, UUID caseId) {
        String pageParameter = list.equals("overdue") ? "page" : "windowPage";
        for (int page = 0; page < 200; page++) {
            JsonNode rows = as(user).get("/api/board?" + query + (query.isEmpty() ? "" : "&") + pageParameter + "=" + page)
                    .expect(200).body().get(list);
            JsonNode found = find(rows, caseId);
            if (found != null || rows.isEmpty()) {
                return found;
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
