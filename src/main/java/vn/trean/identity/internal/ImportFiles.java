package vn.trean.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import vn.trean.identity.PeopleImport;
import vn.trean.identity.PeopleImport.Format;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * Reads the import template's rows from CSV (UTF-8, a byte-order mark allowed) or XLSX, and writes the template.
 * Both readers stop at the first row past the limit, and the XLSX sheet is read as a stream of SAX events
 * (never as a whole workbook), so that a file of 10,000 rows is refused without being held in memory.
 */
final class ImportFiles {

    /** A spreadsheet's row number (the header is row 1) and its cells, as text. */
    record RawRow(int row, List<String> cells) {
        String cell(int i) {
            return i < cells.size() && cells.get(i) != null ? cells.get(i).trim() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    private static final char BOM = '\uFEFF';
    /** More columns than that are not read: the header check refuses the file anyway. */
    private static final int MAX_COLUMNS = 32;

    static {
        // a zip bomb: an entry that inflates more than 100 times, or to more than 20 MB, is refused while reading
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
    }

    private ImportFiles() {
    }

    /** The data rows (blank rows skipped) after a header that must be exactly {@link PeopleImport#COLUMNS}. */
    static List<RawRow> read(byte[] content) {
        if (content.length > PeopleImport.MAX_BYTES) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "import-too-large", String.valueOf(PeopleImport.MAX_BYTES / 1024));
        }
        Rows rows = new Rows();
        if (Format.of(content) == Format.XLSX) {
            xlsx(content, rows);
        } else {
            csv(content, rows);
        }
        if (rows.header == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-empty");
        }
        return rows.data;
    }

    /** Collects the header and the data rows; refuses the file at the first row past the limit. */
    private static final class Rows {
        RawRow header;
        final List<RawRow> data = new ArrayList<>();

        void add(RawRow row) {
            if (header == null) {
                checkHeader(row);
                header = row;
                return;
            }
            if (row.blank()) {
                return;
            }
            if (data.size() == PeopleImport.MAX_ROWS) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-too-many-rows", String.valueOf(PeopleImport.MAX_ROWS));
            }
            data.add(row);
        }
    }

    private static void checkHeader(RawRow header) {
        List<String> expected = PeopleImport.COLUMNS;
        int width = header.cells().size();
        while (width > 0 && header.cell(width - 1).isEmpty()) {
            width--;
        }
        for (int i = 0; i < Math.max(width, expected.size()); i++) {
            String found = header.cell(i);
            if (i == 0 && !found.isEmpty() && found.charAt(0) == BOM) {
                found = found.substring(1);
            }
            String wanted = i < expected.size() ? expected.get(i) : null;
            if (!found.equals(wanted)) {
                String column = wanted == null ? found : wanted;
                String code = wanted == null ? "import-column-extra" : found.isEmpty() ? "import-column-missing"
                        : "import-column-wrong";
                throw new InvalidFieldsProblem(HttpStatus.BAD_REQUEST, "import-wrong-columns",
                        List.of(new Violation(column, code, i + 1, found, wanted)), String.join(", ", expected));
            }
        }
    }

    private static void csv(byte[] content, Rows rows) {
        String text = strictUtf8(content);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        // Excel in a locale whose list separator is ';' saves CSV with it
        char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(Math.min(record.size(), MAX_COLUMNS));
                for (int i = 0; i < record.size() && i < MAX_COLUMNS; i++) {
                    cells.add(record.get(i));
                }
                rows.add(new RawRow((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-unreadable");
        }
    }

    /** The text, or a problem naming the first line whose bytes are not UTF-8 (a file saved as Windows-1258, say). */
    private static String strictUtf8(byte[] content) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder(content.length);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                try {
                    text.append(decoder.decode(ByteBuffer.wrap(content, start, Math.min(i + 1, content.length) - start)));
                } catch (CharacterCodingException e) {
                    throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-encoding", String.valueOf(line));
                }
                line++;
                start = i + 1;
            }
        }
        return text.toString();
    }

    private static void xlsx(byte[] content, Rows rows) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new SheetRows(rows),
                        new DataFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (ApiProblem refused) {
            throw refused;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                 | IllegalArgumentException | IllegalStateException e) {
            // not a workbook, a damaged one, or a zip bomb (ZipSecureFile's limits)
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-unreadable");
        }
    }

    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private List<String> cells;
        private int next;

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            next = 0;
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(new RawRow(rowNum + 1, cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            next = column + 1;
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }
    }

    /** UTF-8 with a byte-order mark, so that Excel opens Vietnamese names correctly. */
    static byte[] csvTemplate() {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(PeopleImport.COLUMNS.toArray(String[]::new)).get())) {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (BOM + out.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** The header row on the first sheet (text columns, so agency ids keep their leading zeros); the roles on the second. */
    static byte[] xlsxTemplate(List<List<String>> roles) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Sheet users = workbook.createSheet("Người dùng - Users");
            Row header = users.createRow(0);
            for (int i = 0; i < PeopleImport.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(PeopleImport.COLUMNS.get(i));
                users.setDefaultColumnStyle(i, text);
                users.setColumnWidth(i, 26 * 256);
            }
            Sheet roleSheet = workbook.createSheet("Vai trò - Roles");
            Row roleHeader = roleSheet.createRow(0);
            List<String> titles = List.of("role", "Vai trò", "Role");
            for (int i = 0; i < titles.size(); i++) {
                roleHeader.createCell(i).setCellValue(titles.get(i));
                roleSheet.setColumnWidth(i, 36 * 256);
            }
            for (int r = 0; r < roles.size(); r++) {
                Row row = roleSheet.createRow(r + 1);
                for (int i = 0; i < roles.get(r).size(); i++) {
                    row.createCell(i).setCellValue(roles.get(r).get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
