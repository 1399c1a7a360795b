package vn.trean.reporting.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.trean.reporting.document.ReportDocument.Frame;
import vn.trean.reporting.document.ReportDocument.Table;

/**
 * A {@link ReportDocument} as an Excel workbook: one sheet laid out like the printed report (issuer and
 * motto, marking, title, the numbered tables, "Nơi nhận" beside the signer), the figures as numbers so that
 * the level above can add them up. Printed on A4, one page wide, with the marking in the page header and
 * "Trang x/y" in the footer.
 */
@Component
public class XlsxReportWriter {

    static final String SHEET = "Báo cáo";
    private static final String FONT = "Times New Roman";
    private static final int LABEL_WIDTH = 58;
    private static final int VALUE_WIDTH = 15;

    private enum Style { PLAIN, CENTRE, BOLD_CENTRE, ITALIC_CENTRE, TITLE, BOLD, BOLD_ITALIC, STAMP, HEADER,
        LABEL, LABEL_BOLD, LABEL_HEADING, COUNT, SHARE, NOTE }

    public byte[] write(ReportDocument document) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            new SheetWriter(workbook, document).write();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SheetWriter {

        private final ReportDocument document;
        private final Sheet sheet;
        private final Map<Style, CellStyle> styles;
        private final Map<String, CellStyle> indentedStyles = new java.util.HashMap<>();
        private final int lastColumn;
        private int next;

        SheetWriter(XSSFWorkbook workbook, ReportDocument document) {
            this.document = document;
            this.sheet = workbook.createSheet(SHEET);
            this.styles = styles(workbook);
            this.lastColumn = Math.max(3, document.tables().stream().mapToInt(t -> t.valueHeaders().size()).max().orElse(0));
        }

        void write() {
            sheet.setColumnWidth(0, LABEL_WIDTH * 256);
            for (int c = 1; c <= lastColumn; c++) {
                sheet.setColumnWidth(c, VALUE_WIDTH * 256);
            }
            letterhead(document.frame());
            next++;
            wide(document.title(), Style.TITLE);
            wide(document.subject(), Style.BOLD_CENTRE);
            if (document.period() != null) {
                wide(document.period(), Style.ITALIC_CENTRE);
            }
            for (int i = 0; i < document.tables().size(); i++) {
                next++;
                table(i + 1, document.tables().get(i));
            }
            next++;
            closing(document.frame());
            printSetup(document.frame());
        }

        private void letterhead(Frame frame) {
            var issuer = frame.issuer();
            leftAndRight(issuer.governingBody() == null ? "" : issuer.governingBody().toUpperCase(), Style.CENTRE,
                    ReportDocument.NATION, Style.BOLD_CENTRE);
            leftAndRight(issuer.name().toUpperCase(), Style.BOLD_CENTRE, ReportDocument.MOTTO, Style.BOLD_CENTRE);
            leftAndRight(issuer.reference() == null ? "" : issuer.reference(), Style.CENTRE, frame.dateline(),
                    Style.ITALIC_CENTRE);
            if (frame.marking() != null) {
                cell(sheet.createRow(next++), 0, frame.marking().stamp(), Style.STAMP);
            }
        }

        private void table(int number, Table table) {
            wide("Biểu " + number + ". " + table.title(), Style.BOLD);
            Row header = sheet.createRow(next++);
            cell(header, 0, table.labelHeader(), Style.HEADER);
            for (int c = 0; c < table.valueHeaders().size(); c++) {
                cell(header, c + 1, table.valueHeaders().get(c), Style.HEADER);
            }
            for (ReportDocument.Row row : table.rows()) {
                Row line = sheet.createRow(next++);
                Style labelStyle = row.isHeading() ? Style.LABEL_HEADING : row.level() == 0 ? Style.LABEL_BOLD : Style.LABEL;
                cell(line, 0, row.label(), labelStyle).setCellStyle(indented(labelStyle, row.level()));
                for (int c = 0; c < row.values().size(); c++) {
                    Number value = row.values().get(c);
                    Cell cell = line.createCell(c + 1);
                    if (value == null) {
                        cell.setCellStyle(styles.get(Style.COUNT));
                    } else {
                        cell.setCellValue(value.doubleValue());
                        cell.setCellStyle(styles.get(isWhole(value) ? Style.COUNT : Style.SHARE));
                    }
                }
            }
            if (table.note() != null) {
                wide(table.note(), Style.NOTE);
            }
        }

        private void closing(Frame frame) {
            int first = next;
            List<String> recipients = frame.recipients();
            cell(row(first), 0, "Nơi nhận:", Style.BOLD_ITALIC);
            for (int i = 0; i < recipients.size(); i++) {
                cell(row(first + 1 + i), 0, "- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"), Style.PLAIN);
            }
            var signer = frame.signer();
            int line = first;
            if (signer.authority() != null) {
                right(row(line++), signer.authority(), Style.BOLD_CENTRE);
            }
            right(row(line++), signer.position(), Style.BOLD_CENTRE);
            line += 3;
            if (signer.name() != null) {
                right(row(line++), signer.name(), Style.BOLD_CENTRE);
            }
            next = Math.max(line, first + 1 + recipients.size()) + 1;
            if (frame.marking() != null) {
                wide(frame.marking().legend(), Style.NOTE);
            }
        }

        private void printSetup(Frame frame) {
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setMargin(Sheet.LeftMargin, 30 / 25.4);
            sheet.setMargin(Sheet.RightMargin, 15 / 25.4);
            if (frame.marking() != null) {
                sheet.getHeader().setRight(frame.marking().stamp());
            }
            sheet.getFooter().setCenter("Trang &P/&N");
        }

        private void leftAndRight(String left, Style leftStyle, String right, Style rightStyle) {
            Row row = sheet.createRow(next++);
            cell(row, 0, left, leftStyle);
            right(row, right, rightStyle);
        }

        private void right(Row row, String text, Style style) {
            cell(row, 1, text, style);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, lastColumn));
        }

        /** A line across the whole width, wrapped; taller when the text is long. */
        private void wide(String text, Style style) {
            Row row = sheet.createRow(next++);
            cell(row, 0, text, style);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, lastColumn));
            int charsPerLine = LABEL_WIDTH + VALUE_WIDTH * lastColumn;
            int lines = Math.max(1, (int) Math.ceil(text.length() * 1.1 / charsPerLine));
            row.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints() * 1.2f);
        }

        /** The label style indented by level, made once per pair (a workbook holds a limited number of styles). */
        private CellStyle indented(Style style, int level) {
            return level == 0 ? styles.get(style) : indentedStyles.computeIfAbsent(style + "/" + level, key -> {
                CellStyle indented = sheet.getWorkbook().createCellStyle();
                indented.cloneStyleFrom(styles.get(style));
                indented.setIndention((short) (level * 2));
                return indented;
            });
        }

        private Row row(int index) {
            Row row = sheet.getRow(index);
            return row == null ? sheet.createRow(index) : row;
        }

        private Cell cell(Row row, int column, String text, Style style) {
            Cell cell = row.createCell(column);
            cell.setCellValue(text);
            cell.setCellStyle(styles.get(style));
            return cell;
        }
    }

    static boolean isWhole(Number value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static Map<Style, CellStyle> styles(XSSFWorkbook workbook) {
        Map<Style, CellStyle> styles = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            CellStyle cell = workbook.createCellStyle();
            XSSFFont font = workbook.createFont();
            font.setFontName(FONT);
            font.setFontHeightInPoints((short) 12);
            cell.setVerticalAlignment(VerticalAlignment.CENTER);
            switch (style) {
                case CENTRE -> cell.setAlignment(HorizontalAlignment.CENTER);
                case BOLD_CENTRE -> {
                    font.setBold(true);
                    cell.setAlignment(HorizontalAlignment.CENTER);
                    cell.setWrapText(true);
                }
                case ITALIC_CENTRE -> {
                    font.setItalic(true);
                    cell.setAlignment(HorizontalAlignment.CENTER);
                }
                case TITLE -> {
                    font.setBold(true);
                    font.setFontHeightInPoints((short) 14);
                    cell.setAlignment(HorizontalAlignment.CENTER);
                }
                case BOLD -> {
                    font.setBold(true);
                    cell.setWrapText(true);
                }
                case BOLD_ITALIC -> {
                    font.setBold(true);
                    font.setItalic(true);
                }
                case NOTE -> {
                    font.setItalic(true);
                    font.setFontHeightInPoints((short) 10);
                    cell.setWrapText(true);
                }
                case STAMP -> {
                    font.setBold(true);
                    font.setColor(IndexedColors.RED.getIndex());
                    cell.setAlignment(HorizontalAlignment.CENTER);
                    bordered(cell);
                }
                case HEADER -> {
                    font.setBold(true);
                    cell.setAlignment(HorizontalAlignment.CENTER);
                    cell.setWrapText(true);
                    cell.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    cell.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    bordered(cell);
                }
                case LABEL, LABEL_BOLD, LABEL_HEADING -> {
                    font.setBold(style == Style.LABEL_BOLD);
                    font.setItalic(style == Style.LABEL_HEADING);
                    cell.setWrapText(true);
                    bordered(cell);
                }
                case COUNT, SHARE -> {
                    cell.setDataFormat(workbook.createDataFormat().getFormat(style == Style.COUNT ? "#,##0" : "0.0"));
                    bordered(cell);
                }
                case PLAIN -> {
                }
            }
            cell.setFont(font);
            styles.put(style, cell);
        }
        return styles;
    }

    private static void bordered(CellStyle cell) {
        cell.setBorderTop(BorderStyle.THIN);
        cell.setBorderBottom(BorderStyle.THIN);
        cell.setBorderLeft(BorderStyle.THIN);
        cell.setBorderRight(BorderStyle.THIN);
    }
}
