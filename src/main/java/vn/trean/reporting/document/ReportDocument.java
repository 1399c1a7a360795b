package vn.trean.reporting.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An official Vietnamese administrative report (the layout of Decree 30/2020/NĐ-CP): the issuing unit and
 * the national motto side by side, the place and date, the confidentiality marking, the title, the period,
 * numbered indicator tables, then "Nơi nhận" and the signer. The writers ({@link XlsxReportWriter},
 * {@link PdfReportWriter}) render it; the model holds no layout of its own.
 *
 * @param title   the kind of document, "BÁO CÁO"
 * @param subject what it reports on, under the title ("Kết quả thực hiện công tác bảo vệ trẻ em năm 2026")
 * @param period  the line under the subject ("(Số liệu từ ngày 01/01/2026 đến ngày 31/12/2026)"); may be null
 * @param tables  numbered in this order: "Biểu 1", "Biểu 2", ...
 */
public record ReportDocument(Frame frame, String title, String subject, String period, List<Table> tables) {

    public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    public ReportDocument {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(title, "title");
        tables = List.copyOf(tables);
    }

    /**
     * Everything around the content, the same for every report a unit sends.
     *
     * @param marking    null when the document carries none
     * @param recipients the lines of "Nơi nhận" ("Sở Y tế tỉnh Quảng Trị", "Lưu: VT")
     */
    public record Frame(Issuer issuer, String place, LocalDate date, Marking marking, List<String> recipients,
                        Signer signer) {

        public Frame {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(date, "date");
            recipients = List.copyOf(recipients);
            Objects.requireNonNull(signer, "signer");
        }

        /** "Đồng Hới, ngày 05 tháng 01 năm 2026": days below 10 and months below 3 take a leading zero. */
        public String dateline() {
            String day = (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth();
            String month = (date.getMonthValue() < 3 ? "0" : "") + date.getMonthValue();
            return "%s, ngày %s tháng %s năm %d".formatted(place, day, month, date.getYear());
        }
    }

    /**
     * The issuing unit (cơ quan báo cáo), top left.
     *
     * @param governingBody the body above it, on the first line (e.g. "UBND TỈNH QUẢNG TRỊ"); may be null
     * @param name          the unit (e.g. "SỞ Y TẾ", "ỦY BAN NHÂN DÂN PHƯỜNG ĐỒNG HỚI")
     * @param reference     its number and symbol ("Số: ....../BC-UBND"); may be null
     */
    public record Issuer(String governingBody, String name, String reference) {

        public Issuer {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The confidentiality marking: a stamp next to the number ({@link #stamp}) and a line at the foot of every
     * page ({@link #legend}). Reports carry aggregated figures only, no child's name; what they describe is
     * still confidential information about children, so they are marked {@link #RESTRICTED} by default.
     * [DESIGN] The words are ours: the issue names Decree 56/2017 Art. 24 for the marking; its text is not
     * in procedure.md. {@link #SECRET} is the state-secret stamp ("MẬT", Law on the Protection of State
     * Secrets 2018), for a unit whose list of state secrets covers such reports.
     */
    public record Marking(String stamp, String legend) {

        public static final Marking RESTRICTED = new Marking("HẠN CHẾ TIẾP CẬN",
                "Tài liệu có thông tin về trẻ em cần bảo mật (Điều 24 Nghị định số 56/2017/NĐ-CP): chỉ dùng cho"
                        + " công tác bảo vệ trẻ em, không sao chụp, phổ biến ngoài Nơi nhận.");
        public static final Marking SECRET = new Marking("MẬT",
                "Tài liệu mật: quản lý, sử dụng theo quy định về bảo vệ bí mật nhà nước.");

        public Marking {
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(legend, "legend");
        }
    }

    /**
     * Who signs, bottom right.
     *
     * @param authority "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"; may be null
     * @param position  "CHỦ TỊCH", "PHÓ GIÁM ĐỐC"
     * @param name      the signer's name; may be null (signed by hand)
     */
    public record Signer(String authority, String position, String name) {

        public Signer {
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * A numbered indicator table: a label column, then one column per value header.
     *
     * @param labelHeader the first column's header ("Chỉ tiêu")
     * @param note        a line under the table; may be null
     */
    public record Table(String title, String labelHeader, List<String> valueHeaders, List<Row> rows, String note) {

        public Table {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(labelHeader, "labelHeader");
            valueHeaders = List.copyOf(valueHeaders);
            rows = List.copyOf(rows);
            for (Row row : rows) {
                if (row.values().size() != valueHeaders.size()) {
                    throw new IllegalArgumentException("row '%s' has %d values for %d columns"
                            .formatted(row.label(), row.values().size(), valueHeaders.size()));
                }
            }
        }
    }

    /**
     * A row: its label, indented by {@code level} (0 = a main indicator, 1 = "of which", 2 = a sub-type), and
     * a value per column: a whole number, a share with decimals, or null for an empty cell. A row whose values
     * are all null is a heading ("Chia theo giới tính").
     */
    public record Row(String label, int level, List<Number> values) {

        public Row {
            Objects.requireNonNull(label, "label");
            if (level < 0 || level > 3) {
                throw new IllegalArgumentException("level " + level);
            }
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        public static Row of(int level, String label, Number... values) {
            return new Row(label, level, Arrays.asList(values));
        }

        public static Row heading(int level, String label, int columns) {
            return new Row(label, level, Collections.nCopies(columns, null));
        }

        public boolean isHeading() {
            return values.stream().allMatch(Objects::isNull);
        }
    }
}
