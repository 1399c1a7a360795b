package vn.trean.reporting.periodic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import vn.trean.casefile.Dimensions;
import vn.trean.reporting.ReportKind;
import vn.trean.reporting.document.ReportDocument;
import vn.trean.reporting.document.ReportDocument.Row;
import vn.trean.reporting.document.ReportDocument.Table;

/**
 * The indicator tables of the 6-month and annual reports, grouped as Circular 13/2021/TT-BLĐTBXH groups its
 * child-protection indicators: children abused (indicator 0101) by sex, age group, abuse form and environment;
 * children in special circumstances and those helped (Law on Children Art. 10, 14 groups); reports and cases
 * and how cases were handled; deadline compliance; and for a province the main figures per commune.
 * Only 0101 is a code of the Circular confirmed in procedure.md; the rest of the codes ({@link PeriodicFigures})
 * are ours.
 */
public final class PeriodicReportLayout {

    static final String ABUSED = "0101";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final List<Dimension> SEXES = List.of(
            new Dimension("MALE", "Nam"), new Dimension("FEMALE", "Nữ"), new Dimension("UNKNOWN", "Chưa xác định"));
    private static final List<Dimension> AGE_GROUPS = List.of(
            new Dimension("UNDER_6", "Dưới 6 tuổi"), new Dimension("6_TO_11", "Từ 6 đến dưới 11 tuổi"),
            new Dimension("11_TO_16", "Từ 11 đến dưới 16 tuổi"));
    /** The abuse forms and their sub-types, and the environments, as the case record codes them. */
    private static final List<Dimension> ABUSE_FORMS = Arrays.stream(Dimensions.AbuseForm.values())
            .map(form -> new Dimension(form.name(), form.label().vi(), Arrays.stream(Dimensions.AbuseSubtype.values())
                    .filter(sub -> sub.form() == form).map(sub -> new Dimension(sub.name(), sub.label().vi())).toList()))
            .toList();
    private static final List<Dimension> ENVIRONMENTS = Arrays.stream(Dimensions.AbuseEnvironment.values())
            .map(e -> new Dimension(e.name(), e.label().vi())).toList();
    /** Law on Children 2016 Art. 10, in its order; the disabled by severity. */
    private static final List<Dimension> SPECIAL_GROUPS = Arrays.stream(Dimensions.SpecialCircumstance.values())
            .map(group -> new Dimension(group.name(), "Trẻ em " + lowerFirst(group.label().vi()),
                    group == Dimensions.SpecialCircumstance.DISABLED
                            ? Arrays.stream(Dimensions.DisabilitySeverity.values())
                                    .map(d -> new Dimension(d.name(), "Khuyết tật " + lowerFirst(d.label().vi()))).toList()
                            : List.of()))
            .toList();
    private static final List<Dimension> HANDLING = List.of(
            new Dimension("CRIMINAL", "Khởi tố, xử lý hình sự"),
            new Dimension("ADMINISTRATIVE", "Xử phạt vi phạm hành chính"),
            new Dimension("NONE", "Không xử lý"),
            new Dimension("PENDING", "Đang xử lý"));

    private PeriodicReportLayout() {
    }

    /** A value of a dimension: the last part of its code, its label, and its sub-types. */
    private record Dimension(String code, String label, List<Dimension> subTypes) {
        Dimension(String code, String label, Dimension... subTypes) {
            this(code, label, List.of(subTypes));
        }
    }

    private static String lowerFirst(String text) {
        return text.substring(0, 1).toLowerCase(VIETNAMESE) + text.substring(1);
    }

    /**
     * The report for {@code kind} of {@code year} over the period {@code from}–{@code to} (both inclusive), in
     * the {@code frame} of the unit that sends it. A province's report gets a table per commune when the
     * figures have communes.
     */
    public static ReportDocument document(ReportDocument.Frame frame, ReportKind kind, int year, LocalDate from,
                                          LocalDate to, PeriodicFigures figures) {
        return document(frame, kind.periodName(year), from, to, figures);
    }

    /**
     * The report over any period, named by {@code periodName} ("6 tháng đầu năm 2026", "từ 01/03/2026 đến
     * 31/05/2026").
     */
    public static ReportDocument document(ReportDocument.Frame frame, String periodName, LocalDate from, LocalDate to,
                                          PeriodicFigures figures) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " – " + to);
        }
        return new ReportDocument(frame, "BÁO CÁO",
                "Kết quả thực hiện công tác bảo vệ trẻ em " + periodName,
                "(Số liệu từ ngày %s đến ngày %s)".formatted(DAY.format(from), DAY.format(to)),
                tables(figures::value, figures.communes()));
    }

    /** Every indicator code the report reads, in the order it shows them (an ordered set). */
    public static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        tables(code -> {
            codes.add(code);
            return 0;
        }, List.of());
        return codes;
    }

    private static List<Table> tables(ToLongFunction<String> value, List<PeriodicFigures.CommuneFigures> communes) {
        List<Table> tables = new ArrayList<>(List.of(abused(value), special(value), handling(value), deadlines(value)));
        if (!communes.isEmpty()) {
            tables.add(byCommune(value, communes));
        }
        return tables;
    }

    private static Table abused(ToLongFunction<String> value) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(0, "Tổng số trẻ em bị xâm hại (chỉ tiêu 0101)", value.applyAsLong(ABUSED)));
        breakdown(rows, value, "Chia theo giới tính", ABUSED + ".sex.", SEXES);
        breakdown(rows, value, "Chia theo nhóm tuổi", ABUSED + ".age.", AGE_GROUPS);
        breakdown(rows, value, "Chia theo hình thức xâm hại", ABUSED + ".form.", ABUSE_FORMS);
        breakdown(rows, value, "Chia theo môi trường xảy ra xâm hại", ABUSED + ".environment.", ENVIRONMENTS);
        return new Table("Trẻ em bị xâm hại", "Chỉ tiêu", List.of("Số trẻ em"), rows,
                "Một trẻ em bị nhiều hình thức xâm hại được tính ở mỗi hình thức; mỗi trẻ em chỉ được tính một lần"
                        + " trong tổng số, dù có trong nhiều vụ việc.");
    }

    private static void breakdown(List<Row> rows, ToLongFunction<String> value, String heading, String prefix,
                                  List<Dimension> dimensions) {
        rows.add(Row.heading(0, heading, 1));
        for (Dimension d : dimensions) {
            rows.add(Row.of(1, d.label(), value.applyAsLong(prefix + d.code())));
            for (Dimension sub : d.subTypes()) {
                rows.add(Row.of(2, sub.label(), value.applyAsLong(prefix + d.code() + "." + sub.code())));
            }
        }
    }

    private static Table special(ToLongFunction<String> value) {
        List<Row> rows = new ArrayList<>();
        rows.add(pair(value, 0, "Tổng số trẻ em có hoàn cảnh đặc biệt", "special"));
        int n = 1;
        for (Dimension group : SPECIAL_GROUPS) {
            rows.add(pair(value, 1, (n++) + ". " + group.label(), "special." + group.code()));
            for (Dimension sub : group.subTypes()) {
                rows.add(pair(value, 2, sub.label(), "special." + group.code() + "." + sub.code()));
            }
        }
        return new Table("Trẻ em có hoàn cảnh đặc biệt và trẻ em được hỗ trợ, can thiệp", "Nhóm trẻ em",
                List.of("Số trẻ em", "Được hỗ trợ, can thiệp"), rows,
                "Một trẻ em thuộc nhiều nhóm được tính ở mỗi nhóm, một lần trong tổng số.");
    }

    private static Row pair(ToLongFunction<String> value, int level, String label, String code) {
        return Row.of(level, label, value.applyAsLong(code), value.applyAsLong(code + ".supported"));
    }

    private static Table handling(ToLongFunction<String> value) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(0, "Thông tin, thông báo, tố giác đã tiếp nhận", value.applyAsLong("reports.received")));
        rows.add(Row.of(1, "Đã xác minh", value.applyAsLong("reports.verified")));
        rows.add(Row.of(1, "Không phải vụ việc xâm hại, có nguy cơ", value.applyAsLong("reports.not-a-case")));
        rows.add(Row.of(0, "Vụ việc xâm hại trẻ em", value.applyAsLong("cases")));
        rows.add(Row.heading(1, "Chia theo kết quả xử lý", 1));
        for (Dimension d : HANDLING) {
            rows.add(Row.of(2, d.label(), value.applyAsLong("cases.handling." + d.code())));
        }
        return new Table("Tiếp nhận thông tin và xử lý vụ việc xâm hại trẻ em", "Chỉ tiêu", List.of("Số lượng"), rows,
                null);
    }

    private static Table deadlines(ToLongFunction<String> value) {
        List<Row> rows = List.of(
                compliance(value, "Xác minh, đánh giá nguy cơ ban đầu trong 12 giờ", "deadline.12h"),
                compliance(value, "Phê duyệt kế hoạch hỗ trợ, can thiệp đúng thời hạn", "deadline.plan"),
                Row.of(0, "Số lần chậm, vi phạm thời hạn đã ghi nhận", value.applyAsLong("deadline.breaches"), null, null));
        return new Table("Thực hiện thời hạn theo Nghị định 56/2017/NĐ-CP", "Chỉ tiêu",
                List.of("Số vụ việc", "Đúng thời hạn", "Tỷ lệ (%)"), rows, null);
    }

    private static Row compliance(ToLongFunction<String> value, String label, String code) {
        long cases = value.applyAsLong(code + ".cases");
        long met = value.applyAsLong(code + ".met");
        BigDecimal share = cases == 0 ? null
                : BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(cases), 1, RoundingMode.HALF_UP);
        return Row.of(0, label, cases, met, share);
    }

    private static final List<String> COMMUNE_CODES = List.of(ABUSED, "special", "special.supported", "cases",
            "cases.handling.CRIMINAL", "cases.handling.ADMINISTRATIVE");

    private static Table byCommune(ToLongFunction<String> value, List<PeriodicFigures.CommuneFigures> communes) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Toàn tỉnh", 0, COMMUNE_CODES.stream().map(c -> (Number) value.applyAsLong(c)).toList()));
        Collator collator = Collator.getInstance(VIETNAMESE);
        communes.stream()
                .sorted(Comparator.comparing((PeriodicFigures.CommuneFigures c) -> c.communeName() == null ? c.communeCode()
                        : c.communeName(), collator))
                .forEach(c -> rows.add(new Row(c.communeName() == null ? c.communeCode() : c.communeName(), 1,
                        COMMUNE_CODES.stream().map(code -> (Number) c.value(code)).toList())));
        return new Table("Số liệu chủ yếu theo xã, phường", "Xã, phường",
                List.of("Trẻ em bị xâm hại", "Trẻ em có hoàn cảnh đặc biệt", "Trong đó: được hỗ trợ", "Vụ việc xâm hại",
                        "Khởi tố hình sự", "Xử phạt hành chính"), rows,
                "Một trẻ em có trong vụ việc ở nhiều xã được tính ở mỗi xã và một lần trong số toàn tỉnh.");
    }
}
