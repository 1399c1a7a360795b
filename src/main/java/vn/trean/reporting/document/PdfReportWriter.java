package vn.trean.reporting.document;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.trean.reporting.document.ReportDocument.Frame;
import vn.trean.reporting.document.ReportDocument.Row;
import vn.trean.reporting.document.ReportDocument.Table;

/**
 * A {@link ReportDocument} as a PDF on A4 with the margins of Decree 30/2020 (left 30 mm, right 15 mm, top and
 * bottom 20 mm). The text is set in DejaVu Serif, embedded as a subset, so every Vietnamese letter shows on any
 * reader and the text can be searched and extracted. Tables run over as many pages as they need, their header
 * row repeated on each; every page carries the marking and "Trang x/y".
 */
@Component
public class PdfReportWriter {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 30 * MM;
    private static final float WIDTH = PAGE.getWidth() - LEFT - 15 * MM;
    private static final float TOP = PAGE.getHeight() - 20 * MM;
    /** Room below the content for the marking's legend and the page number. */
    private static final float BOTTOM = 28 * MM;
    private static final float BODY = 12;
    private static final float CELL = 10.5f;
    private static final float PAD = 3;
    private static final Color STAMP = new Color(200, 0, 0);
    private static final Color HEADER_FILL = new Color(230, 230, 230);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final byte[] regular;
    private final byte[] bold;
    private final byte[] italic;
    private final byte[] boldItalic;

    public PdfReportWriter() {
        this.regular = font("DejaVuSerif.ttf");
        this.bold = font("DejaVuSerif-Bold.ttf");
        this.italic = font("DejaVuSerif-Italic.ttf");
        this.boldItalic = font("DejaVuSerif-BoldItalic.ttf");
    }

    public byte[] write(ReportDocument document) {
        try (PDDocument pdf = new PDDocument(); var out = new ByteArrayOutputStream()) {
            pdf.getDocumentInformation().setTitle(document.title() + " - " + document.subject());
            pdf.getDocumentInformation().setCreator("Trẻ An");
            pdf.getDocumentCatalog().setLanguage("vi-VN");
            var pages = new Pages(pdf, new Fonts(load(pdf, regular), load(pdf, bold), load(pdf, italic), load(pdf, boldItalic)));
            pages.write(document);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDType0Font load(PDDocument pdf, byte[] ttf) throws IOException {
        return PDType0Font.load(pdf, new ByteArrayInputStream(ttf), true);
    }

    private static byte[] font(String file) {
        try (InputStream in = PdfReportWriter.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is not on the classpath (net.sf.jasperreports:jasperreports-fonts)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold, PDFont italic, PDFont boldItalic) {
    }

    private enum Align { LEFT, CENTRE, RIGHT }

    /** The pages of one document as they are filled, top to bottom. */
    private static final class Pages {

        private final PDDocument pdf;
        private final Fonts fonts;
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new java.util.IdentityHashMap<>();
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument pdf, Fonts fonts) {
            this.pdf = pdf;
            this.fonts = fonts;
        }

        void write(ReportDocument document) throws IOException {
            newPage();
            letterhead(document.frame());
            y -= 10;
            y = lines(document.title(), fonts.bold(), 14, LEFT, WIDTH, y, Align.CENTRE);
            y = lines(document.subject(), fonts.bold(), 13, LEFT, WIDTH, y, Align.CENTRE);
            if (document.period() != null) {
                y = lines(document.period(), fonts.italic(), BODY, LEFT, WIDTH, y, Align.CENTRE);
            }
            for (int i = 0; i < document.tables().size(); i++) {
                y -= 12;
                table(i + 1, document.tables().get(i));
            }
            y -= 18;
            closing(document.frame());
            content.close();
            footers(document.frame());
        }

        private void letterhead(Frame frame) throws IOException {
            float leftWidth = WIDTH * 0.4f;
            float rightX = LEFT + leftWidth;
            float rightWidth = WIDTH - leftWidth;
            var issuer = frame.issuer();
            float left = y;
            if (issuer.governingBody() != null) {
                left = lines(issuer.governingBody().toUpperCase(VIETNAMESE), fonts.regular(), BODY, LEFT, leftWidth, left,
                        Align.CENTRE);
            }
            left = lines(issuer.name().toUpperCase(VIETNAMESE), fonts.bold(), BODY, LEFT, leftWidth, left, Align.CENTRE);
            rule(LEFT + leftWidth / 3, leftWidth / 3, left - 1);
            left -= 6;
            if (issuer.reference() != null) {
                left = lines(issuer.reference(), fonts.regular(), BODY, LEFT, leftWidth, left, Align.CENTRE);
            }
            if (frame.marking() != null) {
                left = stamp(frame.marking().stamp(), LEFT + leftWidth / 2, left - 4);
            }
            float nationSize = Math.min(BODY, (rightWidth - 4) / width(ReportDocument.NATION, fonts.bold(), 1));
            float right = lines(ReportDocument.NATION, fonts.bold(), nationSize, rightX, rightWidth, y, Align.CENTRE);
            right = lines(ReportDocument.MOTTO, fonts.bold(), BODY + 1, rightX, rightWidth, right, Align.CENTRE);
            float mottoWidth = width(ReportDocument.MOTTO, fonts.bold(), BODY + 1);
            rule(rightX + (rightWidth - mottoWidth) / 2, mottoWidth, right - 1);
            right = lines(frame.dateline(), fonts.italic(), BODY, rightX, rightWidth, right - 8, Align.CENTRE);
            y = Math.min(left, right) - 6;
        }

        /** The marking in a red box centred on {@code centre}; returns the y below it. */
        private float stamp(String stamp, float centre, float top) throws IOException {
            String text = printable(fonts.bold(), stamp);
            float w = width(text, fonts.bold(), BODY) + 10;
            float h = BODY + 8;
            content.setStrokingColor(STAMP);
            content.setNonStrokingColor(STAMP);
            content.setLineWidth(1.2f);
            content.addRect(centre - w / 2, top - h, w, h);
            content.stroke();
            show(text, fonts.bold(), BODY, centre - w / 2 + 5, top - h + 5.5f);
            content.setStrokingColor(Color.BLACK);
            content.setNonStrokingColor(Color.BLACK);
            return top - h - 4;
        }

        private void table(int number, Table table) throws IOException {
            float[] widths = columnWidths(table);
            List<String> title = wrap("Biểu " + number + ". " + table.title(), fonts.bold(), BODY, WIDTH);
            float titleHeight = title.size() * leading(BODY) + 4;
            float headerHeight = headerHeight(table, widths);
            float first = table.rows().isEmpty() ? 0 : rowHeight(table.rows().get(0), widths);
            ensure(titleHeight + headerHeight + first);
            y = lines(title, fonts.bold(), BODY, LEFT, WIDTH, y, Align.LEFT) - 4;
            header(table, widths, headerHeight);
            for (Row row : table.rows()) {
                float height = rowHeight(row, widths);
                if (y - height < BOTTOM) {
                    newPage();
                    header(table, widths, headerHeight);
                }
                row(row, widths, height);
            }
            if (table.note() != null) {
                y = lines(table.note(), fonts.italic(), 9, LEFT, WIDTH, y - 2, Align.LEFT);
            }
        }

        private float[] columnWidths(Table table) {
            int values = table.valueHeaders().size();
            float valueWidth = values == 0 ? 0 : Math.max(48, Math.min(80, (WIDTH - 150) / values));
            float[] widths = new float[values + 1];
            widths[0] = WIDTH - values * valueWidth;
            for (int i = 1; i <= values; i++) {
                widths[i] = valueWidth;
            }
            return widths;
        }

        /** Headers of many narrow columns are set smaller, so that they wrap less. */
        private static float headerSize(Table table) {
            return table.valueHeaders().size() > 4 ? 9 : CELL;
        }

        private float headerHeight(Table table, float[] widths) throws IOException {
            float size = headerSize(table);
            int lines = wrap(table.labelHeader(), fonts.bold(), size, widths[0] - 2 * PAD).size();
            for (int c = 0; c < table.valueHeaders().size(); c++) {
                lines = Math.max(lines, wrap(table.valueHeaders().get(c), fonts.bold(), size, widths[c + 1] - 2 * PAD).size());
            }
            return lines * leading(size) + 2 * PAD;
        }

        private void header(Table table, float[] widths, float height) throws IOException {
            content.setNonStrokingColor(HEADER_FILL);
            content.addRect(LEFT, y - height, WIDTH, height);
            content.fill();
            content.setNonStrokingColor(Color.BLACK);
            float x = LEFT;
            for (int c = 0; c < widths.length; c++) {
                String text = c == 0 ? table.labelHeader() : table.valueHeaders().get(c - 1);
                cell(x, widths[c], height);
                lines(text, fonts.bold(), headerSize(table), x + PAD, widths[c] - 2 * PAD, y - PAD, Align.CENTRE);
                x += widths[c];
            }
            y -= height;
        }

        private float indent(Row row) {
            return row.level() * 12f;
        }

        private PDFont labelFont(Row row) {
            return row.isHeading() ? fonts.italic() : row.level() == 0 ? fonts.bold() : fonts.regular();
        }

        private float rowHeight(Row row, float[] widths) throws IOException {
            int lines = wrap(row.label(), labelFont(row), CELL, widths[0] - 2 * PAD - indent(row)).size();
            return lines * leading(CELL) + 2 * PAD;
        }

        private void row(Row row, float[] widths, float height) throws IOException {
            cell(LEFT, widths[0], height);
            lines(row.label(), labelFont(row), CELL, LEFT + PAD + indent(row), widths[0] - 2 * PAD - indent(row), y - PAD,
                    Align.LEFT);
            float x = LEFT + widths[0];
            for (int c = 0; c < row.values().size(); c++) {
                cell(x, widths[c + 1], height);
                Number value = row.values().get(c);
                if (value != null) {
                    lines(format(value), row.level() == 0 ? fonts.bold() : fonts.regular(), CELL, x + PAD,
                            widths[c + 1] - 2 * PAD, y - PAD, Align.RIGHT);
                }
                x += widths[c + 1];
            }
            y -= height;
        }

        private void cell(float x, float width, float height) throws IOException {
            content.setLineWidth(0.5f);
            content.addRect(x, y - height, width, height);
            content.stroke();
        }

        private void closing(Frame frame) throws IOException {
            float leftWidth = WIDTH * 0.45f;
            float rightX = LEFT + leftWidth;
            float rightWidth = WIDTH - leftWidth;
            List<String> recipients = new ArrayList<>();
            for (int i = 0; i < frame.recipients().size(); i++) {
                recipients.add("- " + frame.recipients().get(i) + (i == frame.recipients().size() - 1 ? "." : ";"));
            }
            float leftHeight = leading(BODY);
            for (String recipient : recipients) {
                leftHeight += wrap(recipient, fonts.regular(), 11, leftWidth).size() * leading(11);
            }
            var signer = frame.signer();
            float rightHeight = 4 * leading(BODY) + 60;
            ensure(Math.max(leftHeight, rightHeight));
            float left = lines("Nơi nhận:", fonts.boldItalic(), BODY, LEFT, leftWidth, y, Align.LEFT);
            for (String recipient : recipients) {
                left = lines(recipient, fonts.regular(), 11, LEFT, leftWidth, left, Align.LEFT);
            }
            float right = y;
            if (signer.authority() != null) {
                right = lines(signer.authority(), fonts.bold(), BODY, rightX, rightWidth, right, Align.CENTRE);
            }
            right = lines(signer.position(), fonts.bold(), BODY, rightX, rightWidth, right, Align.CENTRE);
            right -= 60;
            if (signer.name() != null) {
                right = lines(signer.name(), fonts.bold(), BODY, rightX, rightWidth, right, Align.CENTRE);
            }
            y = Math.min(left, right);
        }

        /** Written once every page exists: "Trang x/y", the marking's legend, and its stamp from page 2 on. */
        private void footers(Frame frame) throws IOException {
            int total = pdf.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                PDPage page = pdf.getPage(i);
                try (var footer = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = footer;
                    lines("Trang " + (i + 1) + "/" + total, fonts.regular(), 10, LEFT, WIDTH, 14 * MM, Align.CENTRE);
                    if (frame.marking() != null) {
                        lines(frame.marking().legend(), fonts.italic(), 8, LEFT, WIDTH, BOTTOM - 6, Align.CENTRE);
                        if (i > 0) {
                            stamp(frame.marking().stamp(), LEFT + WIDTH - width(frame.marking().stamp(), fonts.bold(), BODY) / 2 - 6,
                                    PAGE.getHeight() - 8 * MM);
                        }
                    }
                }
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = TOP;
        }

        private void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        private float lines(String text, PDFont font, float size, float x, float width, float top, Align align)
                throws IOException {
            return lines(wrap(text, font, size, width), font, size, x, width, top, align);
        }

        /** Draws the lines from {@code top} down; returns the y below the last. */
        private float lines(List<String> lines, PDFont font, float size, float x, float width, float top, Align align)
                throws IOException {
            float baseline = top - size;
            for (String line : lines) {
                float w = width(line, font, size);
                float at = switch (align) {
                    case LEFT -> x;
                    case CENTRE -> x + (width - w) / 2;
                    case RIGHT -> x + width - w;
                };
                show(line, font, size, at, baseline);
                baseline -= leading(size);
            }
            return baseline + leading(size) - size * 0.35f;
        }

        private void show(String text, PDFont font, float size, float x, float baseline) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        private void rule(float x, float width, float at) throws IOException {
            content.setLineWidth(0.6f);
            content.moveTo(x, at);
            content.lineTo(x + width, at);
            content.stroke();
        }

        /** The text in lines no wider than {@code width}, broken between words (inside a word only if it must). */
        private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : printable(font, text).split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(candidate, font, size) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    for (int cp : word.codePoints().toArray()) {
                        String more = line + Character.toString(cp);
                        if (!line.isEmpty() && width(more, font, size) > width) {
                            lines.add(line.toString());
                            line.setLength(0);
                        }
                        line.appendCodePoint(cp);
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /**
         * The text as the font can show it: composed (NFC), tabs and other control characters as spaces, line
         * breaks kept, and any letter the font lacks as "?" (PDFBox would refuse the whole text).
         */
        private String printable(PDFont font, String text) {
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder out = new StringBuilder();
            Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    out.append(' ');
                } else if (known.computeIfAbsent(cp, c -> canShow(font, c))) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static boolean canShow(PDFont font, int codePoint) {
            try {
                font.encode(Character.toString(codePoint));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private static float leading(float size) {
            return size * 1.3f;
        }
    }

    /** Vietnamese number format: 1.234 and 45,5. */
    static String format(Number value) {
        NumberFormat format = XlsxReportWriter.isWhole(value) ? NumberFormat.getIntegerInstance(VIETNAMESE)
                : NumberFormat.getNumberInstance(VIETNAMESE);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(XlsxReportWriter.isWhole(value) ? 0 : 1);
        return format.format(value);
    }
}
