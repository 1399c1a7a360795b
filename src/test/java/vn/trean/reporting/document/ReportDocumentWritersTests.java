package vn.trean.reporting.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.trean.reporting.ReportKind;
import vn.trean.reporting.document.ReportDocument.Frame;
import vn.trean.reporting.document.ReportDocument.Issuer;
import vn.trean.reporting.document.ReportDocument.Marking;
import vn.trean.reporting.document.ReportDocument.Signer;
import vn.trean.reporting.periodic.PeriodicFigures;
import vn.trean.reporting.periodic.PeriodicReportLayout;

class ReportDocumentWritersTests {

    private static final PdfReportWriter PDF = new PdfReportWriter();
    private static final XlsxReportWriter XLSX = new XlsxReportWriter();

    private static Frame frame(Marking marking) {
        return new Frame(new Issuer("UBND tỉnh Quảng Trị", "Sở Y tế", "Số: 125/BC-SYT"), "Quảng Trị",
                LocalDate.of(2026, 5, 18), marking,
                List.of("Bộ Y tế (Cục Bà mẹ và Trẻ em)", "UBND tỉnh Quảng Trị", "Lưu: VT, BVTE"),
                new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hương"));
    }

    private static Map<String, Long> sixMonthFigures() {
        Map<String, Long> values = new HashMap<>();
        values.put("0101", 17L);
        values.put("0101.sex.MALE", 7L);
        values.put("0101.sex.FEMALE", 10L);
        values.put("0101.age.UNDER_6", 3L);
        values.put("0101.age.6_TO_11", 5L);
        values.put("0101.age.11_TO_16", 9L);
        values.put("0101.form.SEXUAL_ABUSE", 6L);
        values.put("0101.form.SEXUAL_ABUSE.MOLESTATION", 4L);
        values.put("0101.environment.ONLINE", 2L);
        values.put("special", 1234L);
        values.put("special.supported", 1100L);
        values.put("special.DISABLED.MILD", 40L);
        values.put("cases", 15L);
        values.put("cases.handling.CRIMINAL", 4L);
        values.put("deadline.12h.cases", 15L);
        values.put("deadline.12h.met", 13L);
        return values;
    }

    private static ReportDocument sixMonthReport(Marking marking, List<PeriodicFigures.CommuneFigures> communes) {
        return PeriodicReportLayout.document(frame(marking), ReportKind.SIX_MONTHS, 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), new PeriodicFigures(sixMonthFigures(), communes));
    }

    // --- XLSX -------------------------------------------------------------------------------------------

    @Test
    void theWorkbookReadsBackWithLetterheadTitleMarkingAndFiguresAsNumbers() throws IOException {
        byte[] xlsx = XLSX.write(sixMonthReport(Marking.RESTRICTED, List.of()));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Báo cáo");
            List<String> texts = texts(sheet);
            assertThat(texts).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND TỈNH QUẢNG TRỊ", "SỞ Y TẾ", "Số: 125/BC-SYT", "Quảng Trị, ngày 18 tháng 5 năm 2026",
                    "HẠN CHẾ TIẾP CẬN", "BÁO CÁO", "Kết quả thực hiện công tác bảo vệ trẻ em 6 tháng đầu năm 2026",
                    "(Số liệu từ ngày 01/01/2026 đến ngày 30/06/2026)", "Biểu 1. Trẻ em bị xâm hại",
                    "Biểu 2. Trẻ em có hoàn cảnh đặc biệt và trẻ em được hỗ trợ, can thiệp", "Nơi nhận:",
                    "- Lưu: VT, BVTE.", "KT. GIÁM ĐỐC", "Nguyễn Thị Hương", Marking.RESTRICTED.legend());
            assertThat(valuesBeside(sheet, "Nữ")).containsExactly(10.0);
            assertThat(valuesBeside(sheet, "Dâm ô")).containsExactly(4.0);
            assertThat(valuesBeside(sheet, "Khuyết tật nhẹ")).containsExactly(40.0, 0.0);
            assertThat(valuesBeside(sheet, "Tổng số trẻ em có hoàn cảnh đặc biệt")).containsExactly(1234.0, 1100.0);
            assertThat(valuesBeside(sheet, "Xác minh, đánh giá nguy cơ ban đầu trong 12 giờ"))
                    .containsExactly(15.0, 13.0, 86.7);
            assertThat(sheet.getHeader().getRight()).isEqualTo("HẠN CHẾ TIẾP CẬN");
            assertThat(sheet.getFooter().getCenter()).contains("&P").contains("&N");
        }
    }

    @Test
    void aSubRowIsIndentedUnderItsIndicator() throws IOException {
        byte[] xlsx = XLSX.write(sixMonthReport(null, List.of()));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Báo cáo");
            assertThat(labelCell(sheet, "Xâm hại tình dục").getCellStyle().getIndention()).isEqualTo((short) 2);
            assertThat(labelCell(sheet, "Hiếp dâm").getCellStyle().getIndention()).isEqualTo((short) 4);
            assertThat(texts(sheet)).doesNotContain("HẠN CHẾ TIẾP CẬN");
        }
    }

    @Test
    void aProvinceReportHasItsCommunesInATableOfTheirOwn() throws IOException {
        var communes = List.of(commune("18880", "Đồng Hới", 5), commune("19000", "Ba Đồn", 3));
        byte[] xlsx = XLSX.write(sixMonthReport(Marking.SECRET, communes));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Báo cáo");
            assertThat(texts(sheet)).contains("MẬT", "Biểu 5. Số liệu chủ yếu theo xã, phường");
            assertThat(valuesBeside(sheet, "Toàn tỉnh").get(0)).isEqualTo(17.0);
            assertThat(valuesBeside(sheet, "Đồng Hới").get(0)).isEqualTo(5.0);
            int baDon = labelCell(sheet, "Ba Đồn").getRowIndex();
            int dongHoi = labelCell(sheet, "Đồng Hới").getRowIndex();
            assertThat(baDon).as("communes in Vietnamese alphabetical order").isLessThan(dongHoi);
        }
    }

    // --- PDF --------------------------------------------------------------------------------------------

    @Test
    void thePdfTextHoldsTheVietnameseLettersTheMarkingAndThePageNumbers() throws IOException {
        byte[] pdf = PDF.write(sixMonthReport(Marking.RESTRICTED, List.of()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            int pages = document.getNumberOfPages();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "SỞ Y TẾ", "HẠN CHẾ TIẾP CẬN", "Quảng Trị, ngày 18 tháng 5 năm 2026",
                    "Kết quả thực hiện công tác bảo vệ trẻ em 6 tháng đầu năm 2026", "Biểu 1. Trẻ em bị xâm hại",
                    "Xâm hại tình dục", "Trẻ em mồ côi cả cha và mẹ", "Nơi nhận:", "Nguyễn Thị Hương",
                    "1.234", "86,7", "Trang 1/" + pages, "Trang " + pages + "/" + pages);
            assertThat(text).contains("Điều 24 Nghị định số 56/2017/NĐ-CP");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("vi-VN");
        }
    }

    @Test
    void everyFontOfThePdfIsDejaVuSerifEmbeddedAsASubset() throws IOException {
        byte[] pdf = PDF.write(sixMonthReport(Marking.SECRET, List.of()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSerif.*"));
            assertThat(new PDFTextStripper().getText(document)).contains("MẬT");
        }
    }

    @Test
    void aLongTableRunsOverPagesWithItsHeaderOnEachAndTheMarkingOnEveryPage() throws IOException {
        List<PeriodicFigures.CommuneFigures> communes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            communes.add(commune("C%03d".formatted(i), "Phường Thứ %03d".formatted(i), i));
        }
        byte[] pdf = PDF.write(sixMonthReport(Marking.RESTRICTED, communes));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(4);
            var stripper = new PDFTextStripper();
            int pagesWithCommuneHeader = 0;
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(document);
                assertThat(page).contains("Trang " + p + "/" + pages).contains("HẠN CHẾ TIẾP CẬN");
                if (page.contains("Xã, phường")) {
                    pagesWithCommuneHeader++;
                }
            }
            assertThat(pagesWithCommuneHeader).isGreaterThanOrEqualTo(3);
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            assertThat(stripper.getText(document)).contains("Phường Thứ 000", "Phường Thứ 149");
        }
    }

    @Test
    void aLetterTheFontLacksIsShownAsAQuestionMarkInsteadOfFailingTheReport() throws IOException {
        var frame = new Frame(new Issuer(null, "UBND phường Đồng Hới\u0007 天", null), "Đồng Hới\tQuảng Trị",
                LocalDate.of(2026, 11, 20), null, List.of(), new Signer(null, "CHỦ TỊCH", null));
        var document = new ReportDocument(frame, "BÁO CÁO", "Thử 😀", null, List.of());

        try (PDDocument pdf = Loader.loadPDF(PDF.write(document))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("ĐỒNG HỚI", "?", "Đồng Hới Quảng Trị, ngày 20 tháng 11");
        }
    }

    // --- the model and the layout ------------------------------------------------------------------------

    @Test
    void aRowNeedsAValueForEveryColumn() {
        assertThatThrownBy(() -> new ReportDocument.Table("T", "Chỉ tiêu", List.of("A", "B"),
                List.of(ReportDocument.Row.of(0, "x", 1L)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 columns");
    }

    @Test
    void theDatelineWritesSmallDaysAndTheFirstMonthsWithALeadingZero() {
        var frame = new Frame(new Issuer(null, "Sở Y tế", null), "Hà Nội", LocalDate.of(2026, 2, 5), null, List.of(),
                new Signer(null, "GIÁM ĐỐC", null));
        assertThat(frame.dateline()).isEqualTo("Hà Nội, ngày 05 tháng 02 năm 2026");
    }

    @Test
    void theLayoutReadsEveryIndicatorOfCircular13sGroups() {
        assertThat(PeriodicReportLayout.codes()).startsWith("0101", "0101.sex.MALE").contains(
                "0101.age.11_TO_16", "0101.form.EXPLOITATION.ILLEGAL_LABOUR", "0101.form.SEXUAL_ABUSE.RAPE",
                "0101.environment.ONLINE", "special.UNACCOMPANIED_MIGRANT.supported", "special.DISABLED.SEVERE",
                "reports.not-a-case", "cases.handling.ADMINISTRATIVE", "deadline.plan.met", "deadline.breaches");
        assertThat(PeriodicReportLayout.codes().stream().filter(c -> c.startsWith("special.") && c.endsWith(".supported")
                && c.chars().filter(ch -> ch == '.').count() == 2)).hasSize(14);
    }

    @Test
    void anAnnualReportNamesTheYear() {
        var document = PeriodicReportLayout.document(frame(null), ReportKind.ANNUAL, 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), PeriodicFigures.of(Map.of()));
        assertThat(document.subject()).isEqualTo("Kết quả thực hiện công tác bảo vệ trẻ em năm 2026");
        assertThat(document.tables()).hasSize(4);
        assertThat(document.tables().get(3).rows().get(0).values()).as("no share of no cases").containsExactly(0L, 0L, null);
    }

    private static PeriodicFigures.CommuneFigures commune(String code, String name, long abused) {
        return new PeriodicFigures.CommuneFigures(code, name, Map.of("0101", abused, "cases", abused));
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }

    private static Cell labelCell(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return first;
            }
        }
        throw new AssertionError("no row labelled " + label);
    }

    private static List<Double> valuesBeside(Sheet sheet, String label) {
        Row row = labelCell(sheet, label).getRow();
        List<Double> values = new ArrayList<>();
        for (int c = 1; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                values.add(cell.getNumericCellValue());
            }
        }
        return values;
    }
}
