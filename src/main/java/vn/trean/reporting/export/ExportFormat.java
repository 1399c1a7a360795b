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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The two encodings of the layouts, written one case at a time ({@code docs/open-data-export.md}). */
enum ExportFormat {

    CSV("text/csv;charset=UTF-8", "csv") {
        @Override
        Sink open(OutputStream out, Export export, ObjectMapper json) throws IOException {
            out.write("\uFEFF".getBytes(StandardCharsets.UTF_8)); // spreadsheets read UTF-8 by this mark
            boolean dimensions = export.layoutVersion() >= ExportedCase.DIMENSIONS_LAYOUT_VERSION;
            var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder()
                    .setHeader((dimensions ? CSV_COLUMNS_V2 : CSV_COLUMNS).toArray(String[]::new)).get());
            return new Sink() {
                @Override
                public void write(ExportedCase c) throws IOException {
                    var child = c.child();
                    List<Object> values = new ArrayList<>(Arrays.asList(export.layoutVersion(), c.caseNumber(),
                            c.communeCode(), c.provinceCode(), c.receivedDate(), c.closedDate(), c.category(),
                            String.join(LIST, c.abuseForms()), c.protectionLevel(), c.emergency(), c.separation(),
                            c.handlingOutcome(), c.closingOutcome(), c.closingReason(), child.pseudonym(),
                            child.ageAtReport(), child.sex(), c.measures().size(),
                            c.measures().stream().map(ExportFormat::measureCell).collect(Collectors.joining(LIST))));
                    if (dimensions) {
                        var d = c.dimensions();
                        values.addAll(Arrays.asList(String.join(LIST, d.abuseFormsAtClosing()),
                                String.join(LIST, d.abuseSubtypes()), d.environment(),
                                String.join(LIST, d.specialCircumstances()), d.disabilitySeverity(),
                                d.perpetrator().relation(), d.perpetrator().ageGroup(), d.perpetrator().sex(),
                                d.handlingDecisionNumber(), d.handlingDecisionDate(), c.measures().stream()
                                        .map(m -> m.actualCost() == null ? "" : m.actualCost().toString())
                                        .collect(Collectors.joining(LIST))));
                    }
                    printer.printRecord(values);
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
            boolean dimensions = export.layoutVersion() >= ExportedCase.DIMENSIONS_LAYOUT_VERSION;
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
                    strings(g, "abuseForms", c.abuseForms());
                    g.writeStringField("protectionLevel", c.protectionLevel());
                    g.writeBooleanField("emergency", c.emergency());
                    g.writeBooleanField("separation", c.separation());
                    g.writeStringField("handlingOutcome", c.handlingOutcome());
                    g.writeStringField("closingOutcome", c.closingOutcome());
                    g.writeStringField("closingReason", c.closingReason());
                    g.writeObjectFieldStart("child");
                    g.writeStringField("pseudonym", c.child().pseudonym());
                    number(g, "ageAtReport", c.child().ageAtReport());
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
                        if (dimensions) {
                            number(g, "actualCost", m.actualCost());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    if (dimensions) {
                        writeDimensions(g, c.dimensions());
                    }
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
    /** The CSV's columns of layout 2: those of layout 1, then the case's dimensions and the measures' actual costs. */
    static final List<String> CSV_COLUMNS_V2 = Stream.concat(CSV_COLUMNS.stream(), Stream.of("abuseFormsAtClosing",
            "abuseSubtypes", "environment", "specialCircumstances", "disabilitySeverity", "perpetratorRelation",
            "perpetratorAgeGroup", "perpetratorSex", "handlingDecisionNumber", "handlingDecisionDate",
            "measureActualCosts")).toList();
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

    /** The fields layout 2 adds to a case, after those of layout 1. */
    private static void writeDimensions(JsonGenerator g, ExportedCase.Dimensions d) throws IOException {
        strings(g, "abuseFormsAtClosing", d.abuseFormsAtClosing());
        strings(g, "abuseSubtypes", d.abuseSubtypes());
        g.writeStringField("environment", d.environment());
        strings(g, "specialCircumstances", d.specialCircumstances());
        g.writeStringField("disabilitySeverity", d.disabilitySeverity());
        g.writeObjectFieldStart("perpetrator");
        g.writeStringField("relation", d.perpetrator().relation());
        g.writeStringField("ageGroup", d.perpetrator().ageGroup());
        g.writeStringField("sex", d.perpetrator().sex());
        g.writeEndObject();
        g.writeStringField("handlingDecisionNumber", d.handlingDecisionNumber());
        date(g, "handlingDecisionDate", d.handlingDecisionDate());
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String field, Number value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.longValue());
        }
    }

    private static void date(JsonGenerator g, String field, LocalDate value) throws IOException {
        g.writeStringField(field, value == null ? null : value.toString());
    }
}
