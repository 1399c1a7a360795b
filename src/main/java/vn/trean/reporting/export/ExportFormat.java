package vn.trean.reporting.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The two encodings of the layout, written one case at a time ({@code docs/open-data-export.md}). */
enum ExportFormat {

    CSV("text/csv;charset=UTF-8", "csv") {
        @Override
        Sink open(OutputStream out, Export export, ObjectMapper json) throws IOException {
            out.write("\uFEFF".getBytes(StandardCharsets.UTF_8)); // spreadsheets read UTF-8 by this mark
            var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get());
            return new Sink() {
                @Override
                public void write(ExportedCase c) throws IOException {
                    var child = c.child();
                    printer.printRecord(export.layoutVersion(), c.caseNumber(), c.communeCode(), c.provinceCode(),
                            c.receivedDate(), c.closedDate(), c.category(), String.join(LIST, c.abuseForms()),
                            c.protectionLevel(), c.emergency(), c.separation(), c.handlingOutcome(), c.closingOutcome(),
                            c.closingReason(), child.pseudonym(), child.ageAtReport(), child.sex(), c.measures().size(),
                            c.measures().stream().map(ExportFormat::measureCell).collect(Collectors.joining(LIST)));
                }

                @Override
                public void close(long rows) throws IOException {
                    printer.flush();
                }
            };
        }
    },

    JSON("application/json", "json") {
        @Override
        Sink open(OutputStream out, Export export, ObjectMapper json) throws IOException {
            JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("layoutVersion", export.layoutVersion());
            g.writeStringField("provinceCode", export.provinceCode());
            g.writeStringField("from", export.from().toString());
            g.writeStringField("to", export.to().toString());
            g.writeArrayFieldStart("cases");
            return new Sink() {
                @Override
                public void write(ExportedCase c) throws IOException {
                    g.writeStartObject();
                    g.writeStringField("caseNumber", c.caseNumber());
                    g.writeStringField("communeCode", c.communeCode());
                    g.writeStringField("provinceCode", c.provinceCode());
                    date(g, "receivedDate", c.receivedDate());
                    date(g, "closedDate", c.closedDate());
                    g.writeStringField("category", c.category());
                    g.writeArrayFieldStart("abuseForms");
                    for (String form : c.abuseForms()) {
                        g.writeString(form);
                    }
                    g.writeEndArray();
                    g.writeStringField("protectionLevel", c.protectionLevel());
                    g.writeBooleanField("emergency", c.emergency());
                    g.writeBooleanField("separation", c.separation());
                    g.writeStringField("handlingOutcome", c.handlingOutcome());
                    g.writeStringField("closingOutcome", c.closingOutcome());
                    g.writeStringField("closingReason", c.closingReason());
                    g.writeObjectFieldStart("child");
                    g.writeStringField("pseudonym", c.child().pseudonym());
                    if (c.child().ageAtReport() == null) {
                        g.writeNullField("ageAtReport");
                    } else {
                        g.writeNumberField("ageAtReport", c.child().ageAtReport());
                    }
                    g.writeStringField("sex", c.child().sex());
                    g.writeEndObject();
                    g.writeArrayFieldStart("measures");
                    for (ExportedCase.Measure m : c.measures()) {
                        g.writeStartObject();
                        g.writeStringField("kind", m.kind());
                        g.writeStringField("agencyKind", m.agencyKind());
                        date(g, "startDate", m.startDate());
                        date(g, "endDate", m.endDate());
                        g.writeStringField("status", m.status());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }

                @Override
                public void close(long rows) throws IOException {
                    g.writeEndArray();
                    g.writeNumberField("count", rows);
                    g.writeEndObject();
                    g.flush();
                }
            };
        }
    };

    /** The CSV's columns, in order: the layout's fields, the child's and the measures' flattened. */
    static final List<String> CSV_COLUMNS = List.of("layoutVersion", "caseNumber", "communeCode", "provinceCode",
            "receivedDate", "closedDate", "category", "abuseForms", "protectionLevel", "emergency", "separation",
            "handlingOutcome", "closingOutcome", "closingReason", "childPseudonym", "childAgeAtReport", "childSex",
            "measureCount", "measures");
    /** Separates the items of a list in one CSV cell. */
    static final String LIST = ";";
    /** Separates the fields of one measure in the CSV's measures cell. */
    static final String MEASURE_FIELDS = "|";

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** The request's {@code format}, in any letter case; null for one that is neither. */
    static ExportFormat parse(String value) {
        for (ExportFormat format : values()) {
            if (format.extension.equalsIgnoreCase(value)) {
                return format;
            }
        }
        return null;
    }

    /** What one export holds: its encoding, the layout, the province (null: every province), the closing dates (inclusive). */
    record Export(ExportFormat format, int layoutVersion, String provinceCode, LocalDate from, LocalDate to) {
    }

    /** Where the cases of one export go, one at a time. */
    interface Sink {

        void write(ExportedCase c) throws IOException;

        /** Ends the document; does not close the stream it writes to. */
        void close(long rows) throws IOException;

        /** {@link #write} for lambdas that may not throw. */
        default void writeUnchecked(ExportedCase c) {
            try {
                write(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    abstract Sink open(OutputStream out, Export export, ObjectMapper json) throws IOException;

    private static String measureCell(ExportedCase.Measure m) {
        return String.join(MEASURE_FIELDS, m.kind(), m.agencyKind(), String.valueOf(m.startDate()),
                String.valueOf(m.endDate()), m.status());
    }

    private static void date(JsonGenerator g, String field, LocalDate value) throws IOException {
        g.writeStringField(field, value == null ? null : value.toString());
    }
}
