package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 10 item 3 through the API: the periodic report of a commune and of a province as XLSX (read back with POI)
 * and PDF (its text extracted with PDFBox) carries the same figures as the statistics; a commune submits its
 * figures, counted on the server and frozen; a correction is a new version with its note; the province sees who
 * has submitted.
 */
class PeriodicReportIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String ABUSED_ROW = "Tổng số trẻ em bị xâm hại (chỉ tiêu 0101)";

    @Test
    void theCommunesReportCarriesTheStatisticsInTheIndicatorTablesAsXlsxAndPdf() throws IOException {
        LocalDate today = LocalDate.now(VIETNAM);
        String period = "from=" + today.withDayOfYear(1) + "&to=" + today;
        fileOneReport();
        JsonNode figures = as("officer").get("/api/statistics?" + period).expect(200).body();

        byte[] xlsx = download("officer", "/api/statistics/report?" + period + "&format=xlsx");
        List<String> cells = new ArrayList<>();
        long abused;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.forEach(row -> row.forEach(cell -> cells.add(text(cell))));
            abused = numberBeside(workbook, ABUSED_ROW);
        }
        assertThat(abused).as("children abused, as the statistics count them")
                .isEqualTo(figures.at("/children/abused").asLong()).isPositive();
        assertThat(String.join("\n", cells)).contains("UBND THÀNH PHỐ HÀ NỘI").contains("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH")
                .contains("HẠN CHẾ TIẾP CẬN").contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Trẻ em bị xâm hại");

        byte[] pdf = download("chairman", "/api/statistics/report?" + period + "&format=pdf");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("BÁO CÁO").contains("HẠN CHẾ TIẾP CẬN").contains("Ba Đình")
                    .contains("Chia theo hình thức xâm hại").contains(ABUSED_ROW + " " + abused);
        }
    }

    @Test
    void theCasesDimensionsAreCountedInTheStatisticsAndTheirRowsOfTheReport() throws IOException {
        LocalDate today = LocalDate.now(VIETNAM);
        String period = "from=" + today.withDayOfYear(1) + "&to=" + today;
        JsonNode before = as("officer").get("/api/statistics?" + period).expect(200).body();
        Map<String, Object> report = report(COMMUNE_A, Instant.now().minusSeconds(300), "Vũ Thị Số Liệu " + UUID.randomUUID());
        report.put("abuseForms", List.of("SEXUAL_ABUSE"));
        report.put("abuseSubtypes", List.of("MOLESTATION"));
        report.put("environment", "ONLINE");
        report.put("specialCircumstances", List.of("DISABLED"));
        report.put("disabilitySeverity", "MILD");
        as("hotline").post("/api/reports", report).expect(201);
        JsonNode after = as("officer").get("/api/statistics?" + period).expect(200).body();

        assertThat(children(after, "environment", "ONLINE") - children(before, "environment", "ONLINE")).isEqualTo(1);
        assertThat(children(after, "abuseSubtype", "SEXUAL_ABUSE.MOLESTATION")
                - children(before, "abuseSubtype", "SEXUAL_ABUSE.MOLESTATION")).isEqualTo(1);
        assertThat(children(after, "specialCircumstance", "DISABLED.MILD")
                - children(before, "specialCircumstance", "DISABLED.MILD")).isEqualTo(1);
        assertThat(children(after, "specialCircumstanceAny", "ALL") - children(before, "specialCircumstanceAny", "ALL"))
                .isEqualTo(1);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("officer", "/api/statistics/report?" + period + "&format=xlsx")))) {
            assertThat(numberBeside(workbook, "Môi trường mạng")).isEqualTo(children(after, "environment", "ONLINE"));
            assertThat(numberBeside(workbook, "Dâm ô")).isEqualTo(children(after, "abuseSubtype", "SEXUAL_ABUSE.MOLESTATION"));
            assertThat(numberBeside(workbook, "Khuyết tật nhẹ")).isEqualTo(children(after, "specialCircumstance", "DISABLED.MILD"));
        }
        assertThat(pageAs("officer", "/statistics?" + period)).contains("Môi trường mạng").contains("Dâm ô");
    }

    @Test
    void aChildInTwoCasesWithTheSameValueCountsTwiceAsCasesAndOnceAsAChild() {
        LocalDate today = LocalDate.now(VIETNAM);
        // the whole month (its count kept, V46) and the month begun (counted from the cases)
        List<String> periods = List.of("from=" + today.withDayOfMonth(1) + "&to=" + today.withDayOfMonth(today.lengthOfMonth()),
                "from=" + today.withDayOfMonth(1) + "&to=" + today);
        List<JsonNode> before = periods.stream().map(p -> as("officer").get("/api/statistics?" + p).expect(200).body()).toList();
        String name = "Đỗ Thị Hai Lần " + UUID.randomUUID();
        for (int minutesAgo : new int[] {10, 5}) {
            Map<String, Object> report = report(COMMUNE_A, Instant.now().minusSeconds(60L * minutesAgo), name);
            report.put("child", Map.of("fullName", name, "dateOfBirth", "2016-03-04", "sex", "FEMALE"));
            report.put("environment", "WORKPLACE");
            as("hotline").post("/api/reports", report).expect(201);
        }
        for (int i = 0; i < periods.size(); i++) {
            JsonNode after = as("officer").get("/api/statistics?" + periods.get(i)).expect(200).body();
            assertThat(cases(after, "environment", "WORKPLACE") - cases(before.get(i), "environment", "WORKPLACE"))
                    .as(periods.get(i)).isEqualTo(2);
            assertThat(children(after, "environment", "WORKPLACE") - children(before.get(i), "environment", "WORKPLACE"))
                    .as(periods.get(i)).isEqualTo(1);
        }
    }

    private static long cases(JsonNode statistics, String dimension, String value) {
        for (JsonNode count : statistics.at("/dimensions/" + dimension)) {
            if (count.get("value").asText().equals(value)) {
                return count.get("cases").asLong();
            }
        }
        return 0;
    }

    /** The children a breakdown counts under a value; 0 when none. */
    private static long children(JsonNode statistics, String dimension, String value) {
        for (JsonNode count : statistics.at("/dimensions/" + dimension)) {
            if (count.get("value").asText().equals(value)) {
                return count.get("children").asLong();
            }
        }
        return 0;
    }

    @Test
    void theProvincesReportHasATableOfItsCommunesWithEachCommunesOwnFigures() throws IOException {
        Map<String, Object> report = report(COMMUNE_A, Instant.now().minusSeconds(300), "Lý Văn Cột Xã " + UUID.randomUUID());
        report.put("specialCircumstances", List.of("ORPHANED"));
        as("hotline").post("/api/reports", report).expect(201);
        LocalDate today = LocalDate.now(VIETNAM);
        String period = "from=" + today.withDayOfYear(1) + "&to=" + today;
        JsonNode baDinh = as("officer").get("/api/statistics?" + period).expect(200).body();
        byte[] xlsx = download("supervisor", "/api/statistics/report?" + period + "&format=xlsx");
        List<String> cells = new ArrayList<>();
        List<Long> baDinhColumns;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.add(text(cell)))));
            baDinhColumns = numbersBeside(workbook, "Ba Đình");
        }
        assertThat(cells).contains("SỞ Y TẾ", "UBND THÀNH PHỐ HÀ NỘI", "Toàn tỉnh", "Ba Đình");
        // the columns: children abused, in special circumstances, of those helped, cases, prosecuted, sanctioned
        assertThat(baDinhColumns).hasSize(6);
        assertThat(baDinhColumns.get(0)).isEqualTo(baDinh.at("/children/abused").asLong());
        assertThat(baDinhColumns.get(1)).as("the commune's children in special circumstances")
                .isEqualTo(children(baDinh, "specialCircumstanceAny", "ALL")).isPositive();
        assertThat(baDinhColumns.get(2)).isEqualTo(children(baDinh, "specialCircumstanceAnyHelped", "ALL"));
        assertThat(baDinhColumns.get(3)).isEqualTo(baDinh.at("/cases/total").asLong());
        assertThat(baDinhColumns.get(4)).isEqualTo(baDinh.at("/cases/byHandlingOutcome/PROSECUTED").asLong());
        assertThat(baDinhColumns.get(5)).isEqualTo(baDinh.at("/cases/byHandlingOutcome/ADMINISTRATIVE_SANCTION").asLong());
    }

    /** The numbers of the first row labelled {@code label}, in the order of its cells. */
    private static List<Long> numbersBeside(XSSFWorkbook workbook, String label) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                List<Long> numbers = new ArrayList<>();
                boolean labelled = false;
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().equals(label)) {
                        labelled = true;
                    } else if (labelled && cell.getCellType() == CellType.NUMERIC) {
                        numbers.add((long) cell.getNumericCellValue());
                    }
                }
                if (labelled) {
                    return numbers;
                }
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void aCommuneSubmitsItsFiguresFrozenAndCorrectsThemOnlyWithANote() throws IOException {
        Map<String, Object> period = Map.of("from", "2029-01-01", "to", "2029-06-30");
        JsonNode first = as("officer").post("/api/statistics/submissions", period).expect(201).body();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("unitCode").asText()).isEqualTo(COMMUNE_A);

        JsonNode frozen = as("chairman").post("/api/statistics/submissions", period).expect(409).body();
        assertThat(frozen.get("type").asText()).endsWith("submission-frozen");
        assertThat(frozen.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("correctionNote");

        JsonNode second = as("chairman").post("/api/statistics/submissions",
                Map.of("from", "2029-01-01", "to", "2029-06-30", "correctionNote", "Bổ sung một vụ việc")).expect(201).body();
        assertThat(second.get("version").asInt()).isEqualTo(2);

        JsonNode province = as("supervisor").get("/api/statistics/submissions?from=2029-01-01&to=2029-06-30")
                .expect(200).body();
        JsonNode baDinh = null;
        for (JsonNode commune : province.get("communes")) {
            if (commune.get("communeCode").asText().equals(COMMUNE_A)) {
                baDinh = commune;
            }
        }
        assertThat(baDinh).isNotNull();
        assertThat(baDinh.at("/latest/version").asInt()).isEqualTo(2);
        assertThat(baDinh.at("/latest/correctionNote").asText()).isEqualTo("Bổ sung một vụ việc");
        assertThat(province.get("submitted").asInt()).isPositive();

        String report = "/api/statistics/submissions/" + second.get("id").asText() + "/report?format=pdf";
        try (var document = Loader.loadPDF(download("supervisor", report))) {
            // the PDF's lines wrap where the page ends them
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("6 tháng đầu năm 2029").contains("Ba Đình");
        }
        as("officer.ngocha").get(report).expect(404);
        as("officer.ngocha").get("/api/statistics/submissions?from=2029-01-01&to=2029-06-30").expect(403);
    }

    @Test
    void badSubmissionsAndReportRequestsAreRefusedNamingTheirField() {
        JsonNode missing = as("officer").post("/api/statistics/submissions", Map.of()).expect(400).body();
        assertThat(missing.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("from", "to");
        JsonNode reversed = as("officer").post("/api/statistics/submissions",
                Map.of("from", "2028-06-30", "to", "2028-01-01")).expect(400).body();
        assertThat(reversed.toString()).contains("\"to\"");
        as("officer").postRaw("/api/statistics/submissions",
                "{\"from\":\"2028-01-01\",\"to\":\"2028-06-30\",\"figures\":{\"0101\":0}}").expect(400);
        as("officer").post("/api/statistics/submissions", Map.of("from", "2020-01-01", "to", "2028-06-30")).expect(400);
        as("hotline").post("/api/statistics/submissions", Map.of("from", "2028-01-01", "to", "2028-06-30")).expect(403);
        as("supervisor").post("/api/statistics/submissions", Map.of("from", "2028-01-01", "to", "2028-06-30")).expect(403);
        as("officer").get("/api/statistics/report?from=2028-01-01&to=2028-06-30&format=doc").expect(400);
        as("officer.ngocha").get("/api/statistics/report?from=2028-01-01&to=2028-06-30&commune=" + COMMUNE_A)
                .expect(403);
        assertThat(count("select count(*) from report_submission where period_from = '2028-01-01'")).isZero();
    }

    private void fileOneReport() {
        as("hotline").post("/api/reports", report(COMMUNE_A, Instant.now().minusSeconds(600),
                "Đỗ Thị Báo Cáo " + UUID.randomUUID())).expect(201);
    }

    private byte[] download(String user, String path) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue())
                : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }

    /** The first number in the first row whose label is {@code label}, on any sheet. */
    private static long numberBeside(XSSFWorkbook workbook, String label) {
        for (Row row : (Iterable<Row>) () -> java.util.stream.StreamSupport.stream(workbook.spliterator(), false)
                .flatMap(sheet -> java.util.stream.StreamSupport.stream(sheet.spliterator(), false)).iterator()) {
            boolean labelled = false;
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().equals(label)) {
                    labelled = true;
                } else if (labelled && cell.getCellType() == CellType.NUMERIC) {
                    return (long) cell.getNumericCellValue();
                }
            }
        }
        throw new AssertionError("no row " + label);
    }
}
