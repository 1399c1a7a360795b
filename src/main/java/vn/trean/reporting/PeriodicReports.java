package vn.trean.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.reporting.ReportSubmissions.Submission;
import vn.trean.reporting.StatisticsReport.AgeGroup;
import vn.trean.reporting.StatisticsReport.HandlingOutcome;
import vn.trean.reporting.document.ReportDocument;
import vn.trean.reporting.periodic.PeriodicFigures;
import vn.trean.reporting.periodic.PeriodicReportLayout;
import vn.trean.reporting.document.ReportDocument.Frame;
import vn.trean.reporting.document.ReportDocument.Issuer;
import vn.trean.reporting.document.ReportDocument.Marking;
import vn.trean.reporting.document.ReportDocument.Signer;
import vn.trean.workflow.EngineClock;

/**
 * The periodic report of a commune or a province (issue 10 item 3): the case record's statistics laid out as the
 * indicator tables, in the frame of the unit that sends it; and a commune's submission of its own figures, always
 * counted here from the case record, never taken from the caller.
 */
@Service
public class PeriodicReports {

    private static final String ABUSED = "0101";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<AgeGroup, String> AGE_CODES = Map.of(AgeGroup.UNDER_6, "UNDER_6",
            AgeGroup.FROM_6_TO_10, "6_TO_11", AgeGroup.FROM_11_TO_15, "11_TO_16");
    private static final Map<HandlingOutcome, String> HANDLING_CODES = Map.of(HandlingOutcome.PROSECUTED, "CRIMINAL",
            HandlingOutcome.ADMINISTRATIVE_SANCTION, "ADMINISTRATIVE", HandlingOutcome.NONE, "NONE",
            HandlingOutcome.PENDING, "PENDING");
    /**
     * The further breakdowns of {@link StatisticsReport#dimensions()} the report reads: the indicator code of each
     * value ({@code %s} the value).
     */
    private static final Map<String, String> DIMENSION_CODES = Map.of("environment", "0101.environment.%s",
            "abuseSubtype", "0101.form.%s", "specialCircumstance", "special.%s",
            "specialCircumstanceHelped", "special.%s.supported", "specialCircumstanceAny", "special",
            "specialCircumstanceAnyHelped", "special.supported");
    /** The breakdowns a province's report also gives per commune, and their indicator codes. */
    private static final Map<String, String> COMMUNE_DIMENSIONS = Map.of("specialCircumstanceAny", "special",
            "specialCircumstanceAnyHelped", "special.supported");

    private final Statistics statistics;
    private final ReportSubmissions submissions;
    private final Organisation organisation;

    PeriodicReports(Statistics statistics, ReportSubmissions submissions, Organisation organisation) {
        this.statistics = statistics;
        this.submissions = submissions;
        this.organisation = organisation;
    }

    /** The report of the scope the user may see (their own, or one of their province's communes). */
    @Transactional(readOnly = true)
    public ReportDocument report(CurrentUser user, LocalDate from, LocalDate to, String communeCode,
                                 String provinceCode) {
        StatisticsReport report = statistics.report(user, from, to, communeCode, provinceCode);
        return document(report.scope(), from, to, figures(report, communeSpecialCircumstances(report)));
    }

    /** The document of a frozen submission, as it was sent. */
    @Transactional(readOnly = true)
    public ReportDocument submitted(CurrentUser user, UUID submissionId) {
        Submission submission = submissions.read(user, submissionId);
        StatisticsScope scope = StatisticsScope.commune(submission.provinceCode(), submission.unitCode());
        return document(scope, submission.periodFrom(), submission.periodTo(), submission.figures());
    }

    /**
     * The commune's figures for the period, counted now from the case record, frozen as its submission. The
     * statistics decide the scope first: a user who may not see the commune's figures is refused there.
     */
    @Transactional
    public Submission submit(CurrentUser user, LocalDate from, LocalDate to, String correctionNote) {
        if (user.role() != Role.COMMUNE_OFFICER && user.role() != Role.COMMUNE_CHAIRMAN) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "submission-forbidden");
        }
        List<Violation> missing = new ArrayList<>();
        if (from == null) {
            missing.add(new Violation("from", "required"));
        }
        if (to == null) {
            missing.add(new Violation("to", "required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidFieldsProblem(missing);
        }
        StatisticsReport report = statistics.report(user, from, to, user.localityCode(), null);
        return submissions.submit(user, report.scope().communeCode(), from, to, figures(report), correctionNote);
    }

    /**
     * For a province's report, its communes' children in special circumstances and of those the children helped:
     * indicator code ({@code special}, {@code special.supported}) → commune code → children.
     */
    private Map<String, Map<String, Long>> communeSpecialCircumstances(StatisticsReport report) {
        if (report.scope().isCommune()) {
            return Map.of();
        }
        Map<String, Map<String, Long>> byCode = new HashMap<>();
        COMMUNE_DIMENSIONS.forEach((key, code) -> statistics.dimensionByCommune(report.scope(), report.from(),
                report.to(), key).forEach((commune, counts) -> byCode.computeIfAbsent(code, c -> new HashMap<>())
                .put(commune, counts.stream().mapToLong(StatisticsReport.DimensionCount::children).sum())));
        return byCode;
    }

    /** The statistics as the report's indicator codes ({@link PeriodicFigures} lists them), without commune columns. */
    public static PeriodicFigures figures(StatisticsReport report) {
        return figures(report, Map.of());
    }

    /**
     * The statistics as the report's indicator codes, with {@code communeCounts} (code → commune → count) added to
     * each commune's figures.
     */
    static PeriodicFigures figures(StatisticsReport report, Map<String, Map<String, Long>> communeCounts) {
        Map<String, Long> values = new HashMap<>();
        values.put(ABUSED, (long) report.children().abused());
        report.children().abusedBySex().forEach((sex, n) -> values.put("0101.sex." + sex.name(), (long) n));
        report.children().abusedByAgeGroup().forEach((group, n) -> {
            if (AGE_CODES.containsKey(group)) {
                values.put("0101.age." + AGE_CODES.get(group), (long) n);
            }
        });
        report.children().abusedByForm().forEach((form, n) -> values.put("0101.form." + form, (long) n));
        report.dimensions().forEach((key, counts) -> {
            String code = DIMENSION_CODES.get(key);
            if (code != null) {
                counts.forEach(c -> values.put(code.formatted(c.value()), (long) c.children()));
            }
        });
        values.put("reports.received", (long) report.reports().received());
        values.put("reports.verified", (long) report.reports().verified());
        values.put("reports.not-a-case", (long) report.reports().notACase());
        values.put("cases", (long) report.cases().total());
        report.cases().byHandlingOutcome().forEach((outcome, n) -> {
            if (HANDLING_CODES.containsKey(outcome)) {
                values.put("cases.handling." + HANDLING_CODES.get(outcome), (long) n);
            }
        });
        values.put("deadline.12h.cases", (long) report.compliance().twelveHourDue());
        values.put("deadline.12h.met", (long) report.compliance().twelveHourInTime());
        values.put("deadline.plan.cases", (long) report.compliance().plansApproved());
        values.put("deadline.plan.met", (long) report.compliance().plansInTime());
        values.put("deadline.breaches",
                report.breachesByAgency().stream().mapToLong(StatisticsReport.AgencyBreaches::breaches).sum());
        List<PeriodicFigures.CommuneFigures> communes = report.scope().isCommune() ? List.of()
                : report.communes().stream().filter(row -> row.code() != null)
                        .map(row -> {
                            Map<String, Long> commune = new HashMap<>(Map.of(ABUSED, (long) row.childrenAbused(),
                                    "cases", (long) row.cases(), "reports.received", (long) row.received()));
                            row.byHandlingOutcome().forEach((outcome, n) -> {
                                if (HANDLING_CODES.containsKey(outcome)) {
                                    commune.put("cases.handling." + HANDLING_CODES.get(outcome), (long) n);
                                }
                            });
                            communeCounts.forEach((code, counts) -> commune.put(code, counts.getOrDefault(row.code(), 0L)));
                            return new PeriodicFigures.CommuneFigures(row.code(), row.name(), commune);
                        })
                        .toList();
        return new PeriodicFigures(values, communes);
    }

    private ReportDocument document(StatisticsScope scope, LocalDate from, LocalDate to, PeriodicFigures figures) {
        return PeriodicReportLayout.document(frame(scope), periodName(from, to), from, to, figures);
    }

    /** "6 tháng đầu năm 2026", "năm 2026", or the dates of any other period. */
    static String periodName(LocalDate from, LocalDate to) {
        for (ReportKind kind : ReportKind.values()) {
            if (from.equals(kind.periodFrom(from.getYear())) && to.equals(kind.periodTo(from.getYear()))) {
                return kind.periodName(from.getYear());
            }
        }
        return "từ ngày %s đến ngày %s".formatted(DAY.format(from), DAY.format(to));
    }

    /**
     * A commune's People's Committee reports to the province; a province's department of health (which holds child
     * protection since 2025) to the Ministry. The report carries the restricted-access marking: its tables hold
     * no child's identity, but figures of small communes can point to one (Decree 56, art. 24).
     */
    private Frame frame(StatisticsScope scope) {
        String provinceName = organisation.provinces().stream()
                .filter(p -> p.code().equals(scope.provinceCode())).map(Locality::name).findFirst()
                .orElse(scope.provinceCode());
        String province = organisation.officialName(scope.provinceCode()).orElse(provinceName);
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), VIETNAM);
        if (scope.isCommune()) {
            String communeName = organisation.commune(scope.communeCode()).map(Locality::name)
                    .orElse(scope.communeCode());
            String commune = organisation.officialName(scope.communeCode()).orElse(communeName);
            return new Frame(new Issuer(upper("UBND " + province), upper("Ủy ban nhân dân " + commune),
                    "Số: ....../BC-UBND"), communeName, today, Marking.RESTRICTED,
                    List.of("UBND " + province + " (qua Sở Y tế)", "Lưu: VT"),
                    new Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", null));
        }
        return new Frame(new Issuer(upper("UBND " + province), "SỞ Y TẾ", "Số: ....../BC-SYT"), provinceName,
                today, Marking.RESTRICTED, List.of("Bộ Y tế (Cục Bà mẹ và Trẻ em)", "UBND " + province, "Lưu: VT"),
                new Signer(null, "GIÁM ĐỐC", null));
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.forLanguageTag("vi-VN"));
    }
}
