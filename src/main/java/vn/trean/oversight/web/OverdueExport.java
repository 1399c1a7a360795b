package vn.trean.oversight.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.trean.oversight.Board.ComplianceRow;
import vn.trean.oversight.Board.OverdueRow;

/**
 * The board's tables as CSV (UTF-8 with a byte-order mark, so that Excel reads Vietnamese; every field quoted by
 * commons-csv where it must be) and as XLSX (one sheet, the figures as numbers so that they add up): the overdue
 * list and the deadline compliance of a period. Headers in Vietnamese and English, as the printed reports.
 *
 * <p>Not the statistics' {@code XlsxReportWriter}: that one lays out an official report (letterhead, signer) and
 * lives in {@code reporting}, which already depends on this module for the periodic reports due.
 */
final class OverdueExport {

    static final List<String> HEADER = List.of("Số hồ sơ / Case", "Xã / Commune", "Bước / Step", "Cơ quan / Agency",
            "Hạn / Deadline", "Trễ (giờ) / Late (hours)", "Khẩn cấp / Emergency");
    static final List<String> COMPLIANCE_HEADER = List.of("Mã xã / Commune code", "Xã / Commune",
            "Hồ sơ đã hết 12 giờ / Cases past their 12 hours", "Đúng hạn 12 giờ / 12-hour steps in time",
            "Tỷ lệ 12 giờ / 12-hour share", "Kế hoạch đã phê duyệt / Plans approved",
            "Duyệt trong 7 ngày làm việc / Approved within 7 working days", "Tỷ lệ kế hoạch / Plan share");
    /** What a share of 0/0 says: no case reached that point in the period, which is not 0 %. */
    static final String NO_CASE = "Chưa có hồ sơ đến bước này / No case reached this point";
    private static final String YES = "Có / Yes";
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private OverdueExport() {
    }

    static byte[] csv(List<OverdueRow> rows, Map<String, String> communes, Map<String, String> agencies) {
        return csv(HEADER, rows.stream().map(r -> values(r, communes, agencies)).toList());
    }

    static byte[] xlsx(List<OverdueRow> rows, Map<String, String> communes, Map<String, String> agencies) {
        return xlsx("Quá hạn - Overdue", HEADER, rows.stream().map(r -> values(r, communes, agencies)).toList());
    }

    static byte[] complianceCsv(List<ComplianceRow> rows, Map<String, String> communes) {
        return csv(COMPLIANCE_HEADER, rows.stream().map(r -> values(r, communes)).toList());
    }

    static byte[] complianceXlsx(List<ComplianceRow> rows, Map<String, String> communes) {
        return xlsx("Tuân thủ - Compliance", COMPLIANCE_HEADER, rows.stream().map(r -> values(r, communes)).toList());
    }

    private static byte[] csv(List<String> header, List<List<Object>> rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> r : rows) {
                printer.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            int n = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(values.get(i)));
                    }
                }
            }
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, 22 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> values(OverdueRow r, Map<String, String> communes, Map<String, String> agencies) {
        double lateHours = Math.round(r.lateSeconds() / 36.0) / 100.0;
        return List.of(r.caseNumber(), communes.getOrDefault(r.communeCode(), r.communeCode()), r.stepName(),
                String.join(", ", r.agencyIds().stream().map(a -> agencies.getOrDefault(a, a)).toList()),
                DEADLINE.format(r.dueAt()), lateHours, r.emergency() ? YES : "");
    }

    private static List<Object> values(ComplianceRow r, Map<String, String> communes) {
        List<Object> values = new ArrayList<>();
        values.add(r.communeCode());
        values.add(communes.getOrDefault(r.communeCode(), r.communeCode()));
        values.add(r.casesReceived());
        values.add(r.twelveHourInTime());
        values.add(share(r.twelveHourShare()));
        values.add(r.plansApproved());
        values.add(r.plansInTime());
        values.add(share(r.planShare()));
        return values;
    }

    /** A share as a number from 0 to 1 (formatted by the reader), or the words for 0/0. */
    private static Object share(Double share) {
        return share == null ? NO_CASE : Math.round(share * 1000) / 1000.0;
    }
}
