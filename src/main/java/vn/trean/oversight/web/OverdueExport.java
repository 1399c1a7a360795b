package vn.trean.oversight.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.trean.oversight.Board.OverdueRow;

/** The overdue list as CSV (UTF-8 with a byte-order mark, so that Excel reads Vietnamese) and as XLSX. */
final class OverdueExport {

    static final List<String> HEADER = List.of("Số hồ sơ / Case", "Xã / Commune", "Bước / Step", "Cơ quan / Agency",
            "Hạn / Deadline", "Trễ (giờ) / Late (hours)");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private OverdueExport() {
    }

    static byte[] csv(List<OverdueRow> rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
            for (OverdueRow r : rows) {
                printer.printRecord(values(r));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ("\uFEFF" + out).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<OverdueRow> rows) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Quá hạn - Overdue");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            int n = 1;
            for (OverdueRow r : rows) {
                Row row = sheet.createRow(n++);
                List<Object> values = values(r);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(values.get(i)));
                    }
                }
            }
            for (int i = 0; i < HEADER.size(); i++) {
                sheet.setColumnWidth(i, 22 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> values(OverdueRow r) {
        double lateHours = Math.round(r.lateSeconds() / 36.0) / 100.0;
        return List.of(r.caseNumber(), r.communeCode(), r.stepName(), String.join(", ", r.agencyIds()),
                DEADLINE.format(r.dueAt()), lateHours);
    }
}
