package vn.trean.reporting;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.oversight.SupervisedArea;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.reporting.StatisticsQueries.Bucket;
import vn.trean.reporting.StatisticsQueries.Measure;
import vn.trean.reporting.StatisticsReport.AgeGroup;
import vn.trean.reporting.StatisticsReport.AgencyBreaches;
import vn.trean.reporting.StatisticsReport.AreaRow;
import vn.trean.reporting.StatisticsReport.Cases;
import vn.trean.reporting.StatisticsReport.Children;
import vn.trean.reporting.StatisticsReport.Compliance;
import vn.trean.reporting.StatisticsReport.HandlingOutcome;
import vn.trean.reporting.StatisticsReport.MonthRow;
import vn.trean.reporting.StatisticsReport.ProtectionLevel;
import vn.trean.reporting.StatisticsReport.Reports;
import vn.trean.reporting.StatisticsReport.Sex;
import vn.trean.workflow.EngineClock;

/**
 * The statistics of a period for the area a user oversees (issue 10 item 2): a commune officer or chairman their
 * commune; a province supervisor their province broken down by commune, or one of its communes — the area the
 * board gives them too ({@link SupervisedArea}). Figures only, never a child's name.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

    /** The longest period one report covers. */
    public static final int MAX_YEARS = 5;

    private final StatisticsQueries queries;
    private final Organisation organisation;
    private final List<StatisticsDimension> dimensions;

    private final boolean refreshInBackground;

    Statistics(StatisticsQueries queries, Organisation organisation, List<StatisticsDimension> dimensions,
               @org.springframework.beans.factory.annotation.Value("${trean.statistics.refresh-in-background:true}")
               boolean refreshInBackground) {
        this.refreshInBackground = refreshInBackground;
        this.queries = queries;
        this.organisation = organisation;
        this.dimensions = List.copyOf(dimensions);
    }

    /**
     * The figures of the scope the user asks for ({@link #scope}) for the cases received from {@code from} to
     * {@code to}, both included: 400 naming {@code to} for a period that ends before it starts or spans more than
     * {@value #MAX_YEARS} years.
     */
    public StatisticsReport report(CurrentUser user, LocalDate from, LocalDate to, String communeCode,
                                   String provinceCode) {
        StatisticsScope scope = scope(user, communeCode, provinceCode);
        checkPeriod(from, to);
        return report(scope, from, to);
    }

    /**
     * The scope a user asks for, if they may see it: nothing named is their own area; a province supervisor may name
     * their province or one of its communes, a commune's staff their commune. 403 for anyone who oversees no area,
     * and 403 naming the commune or province asked for when it lies outside theirs (an unknown code included).
     */
    public StatisticsScope scope(CurrentUser user, String communeCode, String provinceCode) {
        SupervisedArea area = SupervisedArea.of(user)
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "statistics-forbidden"));
        String commune = blankToNull(communeCode);
        String province = blankToNull(provinceCode);
        if (commune != null) {
            Locality asked = organisation.commune(commune).orElseThrow(() -> outside("commune", commune));
            boolean mine = area.isCommune() ? commune.equals(area.communeCode())
                    : area.provinceCode() == null || asked.provinceCode().equals(area.provinceCode());
            if (!mine) {
                throw outside("commune", commune);
            }
            if (province != null && !province.equals(asked.provinceCode())) {
                throw outside("province", province);
            }
            return StatisticsScope.commune(asked.provinceCode(), commune);
        }
        if (area.isCommune()) {
            if (province != null) {
                throw outside("province", province);
            }
            return StatisticsScope.commune(provinceOf(area.communeCode()), area.communeCode());
        }
        if (province != null && area.provinceCode() != null && !province.equals(area.provinceCode())) {
            throw outside("province", province);
        }
        String chosen = province != null ? province : area.provinceCode();
        if (chosen == null) {
            // an administrator of the whole installation names the province
            throw new InvalidFieldsProblem(List.of(new Violation("province", "required")));
        }
        return StatisticsScope.province(chosen);
    }

    /** A period's end must not lie before its start, nor more than {@value #MAX_YEARS} years after it. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidFieldsProblem(HttpStatus.BAD_REQUEST, "period-reversed",
                    List.of(new Violation("to", "end-before-start")));
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw new InvalidFieldsProblem(HttpStatus.BAD_REQUEST, "period-too-long",
                    List.of(new Violation("to", "period-too-long", MAX_YEARS)), MAX_YEARS);
        }
    }

    /**
     * Counts the months changed since the last count in the background, so that a report rarely pays for the cases
     * written just before it (bench/README.md: the first report after 2,000 cases written across five years took 4 s
     * of counting). Each report still counts what is left first: never a stale figure. Off in the tests.
     */
    @org.springframework.scheduling.annotation.Scheduled(
            initialDelayString = "${trean.statistics.refresh-interval:1m}",
            fixedDelayString = "${trean.statistics.refresh-interval:1m}")
    void refreshInBackground() {
        if (refreshInBackground) {
            queries.refresh(EngineClock.now());
        }
    }

    /**
     * The figures of a scope already decided ({@link #scope}) for a valid period ({@link #checkPeriod}): for the
     * periodic reports, which freeze what a commune submits.
     */
    public StatisticsReport report(StatisticsScope scope, LocalDate from, LocalDate to) {
        Instant now = EngineClock.now();
        queries.refresh(now);
        List<Bucket> buckets = queries.buckets(scope, from, to, now);
        Map<String, String> communeNames = organisation.communeNames(scope.provinceCode());
        return new StatisticsReport(scope, from, to, now,
                new Reports(sum(buckets, Measure.RECEIVED) + sum(buckets, Measure.LINKED_REPORTS),
                        sum(buckets, Measure.LINKED_REPORTS), sum(buckets, Measure.VERIFIED),
                        sum(buckets, Measure.NOT_A_CASE)),
                cases(buckets), children(buckets), compliance(buckets),
                breachesByAgency(scope, from, to), trend(buckets, from, to),
                areas(buckets, b -> b.communeCode(), code -> communeNames.getOrDefault(code, code)),
                legacyDistricts(buckets, scope, from),
                queries.dimensions(scope, from, to, dimensions));
    }

    /**
     * The further breakdown {@code key} (a {@link StatisticsDimension#key()}) of each commune of a scope already
     * decided: commune code → its counts. For the columns a province's report gives each commune.
     */
    public Map<String, List<StatisticsReport.DimensionCount>> dimensionByCommune(StatisticsScope scope, LocalDate from,
                                                                                LocalDate to, String key) {
        StatisticsDimension dimension = dimensions.stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no breakdown " + key));
        return queries.dimensionByCommune(scope, from, to, dimension);
    }

    private static Cases cases(List<Bucket> buckets) {
        int total = sum(buckets, Measure.CASES);
        int open = sum(buckets, Measure.OPEN);
        Map<ProtectionLevel, Integer> levels = breakdown(ProtectionLevel.class, ProtectionLevel.NOT_DECIDED, total,
                level -> sum(buckets, StatisticsQueries.level(level)));
        Map<HandlingOutcome, Integer> handling = breakdown(HandlingOutcome.class, HandlingOutcome.NOT_REFERRED, total,
                outcome -> sum(buckets, StatisticsQueries.handling(outcome)));
        return new Cases(total, open, total - open, sum(buckets, Measure.EMERGENCY), levels, handling);
    }

    private static Children children(List<Bucket> buckets) {
        int abused = sum(buckets, Measure.ABUSED);
        Map<Sex, Integer> bySex = breakdown(Sex.class, Sex.UNKNOWN, abused, sex -> sum(buckets, StatisticsQueries.sex(sex)));
        Map<AgeGroup, Integer> byAge = breakdown(AgeGroup.class, AgeGroup.UNKNOWN, abused,
                group -> sum(buckets, StatisticsQueries.age(group)));
        Map<String, Integer> byForm = new LinkedHashMap<>();
        StatisticsReport.ABUSE_FORMS.forEach(form -> byForm.put(form, sum(buckets, StatisticsQueries.form(form))));
        return new Children(sum(buckets, Measure.CHILDREN), abused, bySex, byAge, byForm);
    }

    /** Every value of a breakdown in order; {@code rest} gets what the counted values leave of {@code total}. */
    private static <E extends Enum<E>> Map<E, Integer> breakdown(Class<E> type, E rest, int total,
                                                                 Function<E, Integer> count) {
        Map<E, Integer> values = new EnumMap<>(type);
        int counted = 0;
        for (E value : type.getEnumConstants()) {
            if (value != rest) {
                values.put(value, count.apply(value));
                counted += values.get(value);
            }
        }
        values.put(rest, total - counted);
        return values;
    }

    private static Compliance compliance(List<Bucket> buckets) {
        return new Compliance(sum(buckets, Measure.TWELVE_HOUR_DUE), sum(buckets, Measure.TWELVE_HOUR_IN_TIME),
                sum(buckets, Measure.PLANS_APPROVED), sum(buckets, Measure.PLANS_IN_TIME));
    }

    /** The breaches of the period by agency, most first. */
    private List<AgencyBreaches> breachesByAgency(StatisticsScope scope, LocalDate from, LocalDate to) {
        Map<String, int[]> byAgency = new LinkedHashMap<>();
        for (StatisticsQueries.BreachCount count : queries.breaches(scope, from, to)) {
            int[] sums = byAgency.computeIfAbsent(count.agencyId(), id -> new int[3]);
            sums[0] += count.breaches();
            sums[1] += count.open();
            sums[2] += count.cases();
        }
        return byAgency.entrySet().stream()
                .map(e -> new AgencyBreaches(e.getKey(), e.getKey() == null ? null
                        : organisation.agency(e.getKey()).map(a -> a.name()).orElse(e.getKey()),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparing(AgencyBreaches::breaches).reversed()
                        .thenComparing(b -> b.agencyId() == null ? "" : b.agencyId()))
                .toList();
    }

    /** Every month of the period, those without cases included. */
    private static List<MonthRow> trend(List<Bucket> buckets, LocalDate from, LocalDate to) {
        Map<YearMonth, List<Bucket>> byMonth = buckets.stream().collect(Collectors.groupingBy(Bucket::month));
        List<MonthRow> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            List<Bucket> of = byMonth.getOrDefault(month, List.of());
            months.add(new MonthRow(month, sum(of, Measure.RECEIVED) + sum(of, Measure.LINKED_REPORTS),
                    sum(of, Measure.CASES), sum(of, Measure.ABUSED_FIRST_IN_MONTH)));
        }
        return months;
    }

    /**
     * The province's cases received before the reform, by the legacy district of their commune; the communes of
     * no known district last, as one row without a code.
     */
    private List<AreaRow> legacyDistricts(List<Bucket> buckets, StatisticsScope scope, LocalDate from) {
        if (!from.isBefore(StatisticsReport.REFORM_DAY)) {
            return List.of();
        }
        Map<String, Locality> districts = organisation.legacyDistrictsOfCommunes(scope.provinceCode());
        YearMonth reform = YearMonth.from(StatisticsReport.REFORM_DAY);
        List<Bucket> before = buckets.stream().filter(b -> b.month().isBefore(reform)).toList();
        Map<String, String> names = districts.values().stream()
                .collect(Collectors.toMap(Locality::code, Locality::name, (a, b) -> a));
        return areas(before, b -> districts.containsKey(b.communeCode()) ? districts.get(b.communeCode()).code() : null,
                names::get);
    }

    /** The buckets added up by area (a commune, a district), by name; an area without a code last. */
    private static List<AreaRow> areas(List<Bucket> buckets, Function<Bucket, String> areaOf,
                                       Function<String, String> nameOf) {
        Map<String, List<Bucket>> byArea = new LinkedHashMap<>();
        buckets.forEach(b -> byArea.computeIfAbsent(areaOf.apply(b), k -> new ArrayList<>()).add(b));
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        return byArea.entrySet().stream()
                .map(e -> {
                    String code = e.getKey();
                    List<Bucket> of = e.getValue();
                    return new AreaRow(code, code == null ? null : nameOf.apply(code),
                            sum(of, Measure.RECEIVED) + sum(of, Measure.LINKED_REPORTS), sum(of, Measure.VERIFIED),
                            sum(of, Measure.NOT_A_CASE), sum(of, Measure.CASES), sum(of, Measure.CHILDREN),
                            sum(of, Measure.ABUSED), compliance(of), breakdown(HandlingOutcome.class,
                                    HandlingOutcome.NOT_REFERRED, sum(of, Measure.CASES),
                                    outcome -> sum(of, StatisticsQueries.handling(outcome))));
                })
                .sorted(Comparator.comparing((AreaRow r) -> r.code() == null)
                        .thenComparing(r -> r.name() == null ? "" : r.name(), vietnamese))
                .toList();
    }

    private String provinceOf(String communeCode) {
        return organisation.commune(communeCode).map(Locality::provinceCode).orElse(null);
    }

    private static InvalidFieldsProblem outside(String field, String code) {
        return new InvalidFieldsProblem(HttpStatus.FORBIDDEN, "statistics-scope-forbidden",
                List.of(new Violation(field, "statistics-scope-forbidden", code)), code);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int sum(List<Bucket> buckets, Measure measure) {
        return StatisticsQueries.sum(buckets, measure);
    }

    private static int sum(List<Bucket> buckets, String count) {
        return StatisticsQueries.sum(buckets, count);
    }
}
