package vn.trean.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.reporting.StatisticsReport.AgeGroup;
import vn.trean.reporting.StatisticsReport.HandlingOutcome;
import vn.trean.reporting.StatisticsReport.ProtectionLevel;
import vn.trean.reporting.StatisticsReport.Sex;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.WorkingDays;

/**
 * The SQL of the statistics. Every figure is a count of cases (rows of {@code statistics_case}, V32: one per case,
 * kept by triggers) of a commune received in a month — a {@link Bucket} — and the report adds the buckets up by
 * commune, by month and in total.
 *
 * <p>So that a province's five years answer in a second, the counts of whole months are kept in
 * {@code statistics_month}: the triggers mark the months whose cases changed and the next report counts those again
 * ({@link #refresh}). What depends on the period or on now is put right from the few rows it concerns:
 * <ul>
 *   <li>children are counted without {@code count(distinct)}: a child counts at their first case of the period, the
 *       one whose previous case ({@code *_prev_on}, "{first:…}" below) is older than the period or absent. A month
 *       keeps the cases without a previous case; the cases with one ("repeats", one in ten at most) are read for
 *       each report;</li>
 *   <li>a case's 12 hours are "due" once they have ended ("{due}"): a month counts every case, and the cases of
 *       the last 12 hours are taken off;</li>
 *   <li>the first and last month of a period that does not begin or end with a month are counted from the
 *       cases;</li>
 *   <li>plan compliance depends on the working-day calendar and is counted from the cases with a plan.</li>
 * </ul>
 */
@Component
class StatisticsQueries {

    private static final String VIETNAM = "'Asia/Ho_Chi_Minh'";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** When the case's 12-hour window ends. */
    private static final String WINDOW_END = "s.received_at + make_interval(secs => :span)";
    /** The child's first abused case in the period: where their sex and age are read. */
    private static final String FIRST_ABUSED = "s.abused and {first:s.abused_prev_on}";
    private static final Pattern FIRST = Pattern.compile("\\{first:([^}]*)}");
    private static final String DUE = "{due}";
    /** A plan approved, not an emergency's (exempt from the working-day limits, Decree 56 art. 31.3). */
    private static final String PLAN_APPROVED =
            "s.plan_approved_at is not null and s.plan_draft_opened_at is not null and s.verified_at is not null"
                    + " and s.emergency is not true";
    /**
     * Approved within 7 working days of the end of verification (the plan clock, issue 12), as the board judges it: the calendar is handed over
     * as the number of working days up to each day from {@code :calendarStart} ({@code :ordinals}) and whether the
     * day is one ({@code :working}), looked up by the day's distance from the start.
     */
    private static final String PLAN_IN_TIME = planInTime();
    /** A case that has an earlier case of the same child. */
    private static final String REPEAT = "(s.child_prev_on is not null or s.abused_prev_on is not null)";
    /** Where a statement's condition on the scope and the days goes. */
    private static final String CASES_OF_DAYS = "{cases of the days}";

    /** What the buckets count; the breakdowns' values follow them in {@link #COUNTS}. */
    enum Measure {
        RECEIVED, VERIFIED, NOT_A_CASE, CASES, OPEN, EMERGENCY, TWELVE_HOUR_DUE, TWELVE_HOUR_IN_TIME, CHILDREN,
        ABUSED, ABUSED_FIRST_IN_MONTH, PLANS_APPROVED, PLANS_IN_TIME, LINKED_REPORTS
    }

    /** How a count's condition is read: for a month kept, for the repeats of a period, or straight for a period. */
    private enum Reading { MONTH, REPEATS, PERIOD }

    /**
     * A count: a measure or one value of a breakdown, with the condition a case row must meet, in which
     * "{first:X}" means "the first case of the child in the period, X being the previous one's date" and "{due}"
     * "its 12 hours have ended"; null for the counts taken by a query of their own.
     */
    record Count(String name, String condition) {

        boolean periodDependent() {
            return condition != null && FIRST.matcher(condition).find();
        }

        boolean dueDependent() {
            return condition != null && condition.contains(DUE);
        }

        String read(Reading reading) {
            Matcher first = FIRST.matcher(condition);
            StringBuilder sql = new StringBuilder();
            while (first.find()) {
                String previous = first.group(1);
                first.appendReplacement(sql, Matcher.quoteReplacement(switch (reading) {
                    case MONTH -> previous + " is null";
                    case REPEATS -> "(" + previous + " is not null and " + previous + " < :from)";
                    case PERIOD -> "(" + previous + " is null or " + previous + " < :from)";
                }));
            }
            first.appendTail(sql);
            return sql.toString().replace(DUE, reading == Reading.PERIOD ? WINDOW_END + " <= :now" : "true");
        }
    }

    private static String planInTime() {
        String opened = "(cast(s.verified_at at time zone " + VIETNAM + " as date) - :calendarStart + 1)";
        String approved = "(cast(s.plan_approved_at at time zone " + VIETNAM + " as date) - :calendarStart + 1)";
        String between = "((cast(:ordinals as int[]))[" + approved + "] - (cast(:ordinals as int[]))[" + opened + "])";
        return "(" + between + " < :limit or (" + between + " = :limit and (cast(:working as boolean[]))[" + approved
                + "] and cast(s.plan_approved_at at time zone " + VIETNAM + " as time)"
                + " <= cast(s.verified_at at time zone " + VIETNAM + " as time)))";
    }

    /** The counts of a bucket, in the order of its {@link Bucket#counts}. */
    static final List<Count> COUNTS = counts();
    private static final Map<String, Integer> INDEX = COUNTS.stream()
            .collect(Collectors.toMap(Count::name, COUNTS::indexOf));
    /** The counts' definition: when it changes (a new version), every month is counted again. */
    private static final String DEFINITION = COUNTS.stream().map(c -> c.name() + "=" + c.condition())
            .collect(Collectors.joining(";"));
    /** The first day the working-day calendar is handed over from: no case is received before (Decree 56). */
    private static final LocalDate CALENDAR_START = LocalDate.of(2017, 6, 1);

    /** The figures of the cases of one commune received in one month (or in the part of it a period covers). */
    record Bucket(String communeCode, YearMonth month, int[] counts) {

        int get(Measure measure) {
            return get(measure.name());
        }

        int get(String count) {
            return counts[INDEX.get(count)];
        }
    }

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final TransactionTemplate ownTransaction;
    /** The breakdowns by the dimension tables, whose counts per value are kept by month too. */
    private final List<StatisticsDimension> dimensions;
    /** What is kept: when the counts or a breakdown change (a new version), every month is counted again. */
    private final String definition;

    StatisticsQueries(JdbcClient jdbc, WorkingDays workingDays, PlatformTransactionManager transactions,
                      List<StatisticsDimension> dimensions) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dimensions = List.copyOf(dimensions);
        this.definition = DEFINITION + dimensions.stream()
                .map(d -> ";" + d.key() + "/" + d.population() + "=" + d.caseValues()).sorted()
                .collect(Collectors.joining());
    }

    static String level(ProtectionLevel level) {
        return "level." + level.name();
    }

    static String handling(HandlingOutcome outcome) {
        return "handling." + outcome.name();
    }

    static String sex(Sex sex) {
        return "sex." + sex.name();
    }

    static String age(AgeGroup group) {
        return "age." + group.name();
    }

    static String form(String form) {
        return "form." + form;
    }

    private static List<Count> counts() {
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions.put(Measure.RECEIVED.name(), "true");
        conditions.put(Measure.VERIFIED.name(), "s.verified_at is not null");
        conditions.put(Measure.NOT_A_CASE.name(), "not s.is_case");
        conditions.put(Measure.CASES.name(), "s.is_case");
        conditions.put(Measure.OPEN.name(), "s.is_case and s.status = 'OPEN'");
        conditions.put(Measure.EMERGENCY.name(), "s.is_case and s.emergency");
        conditions.put(Measure.TWELVE_HOUR_DUE.name(), DUE);
        conditions.put(Measure.TWELVE_HOUR_IN_TIME.name(), DUE + " and s.window_done_at <= " + WINDOW_END);
        conditions.put(Measure.CHILDREN.name(), "s.is_case and {first:s.child_prev_on}");
        conditions.put(Measure.ABUSED.name(), FIRST_ABUSED);
        conditions.put(Measure.ABUSED_FIRST_IN_MONTH.name(),
                "s.abused and (s.abused_prev_on is null or s.abused_prev_on < s.received_month)");
        conditions.put(Measure.PLANS_APPROVED.name(), PLAN_APPROVED);
        conditions.put(Measure.PLANS_IN_TIME.name(), PLAN_APPROVED + " and " + PLAN_IN_TIME);
        // taken by a query of its own
        conditions.put(Measure.LINKED_REPORTS.name(), null);
        for (ProtectionLevel level : ProtectionLevel.values()) {
            if (level.recorded() != null) {
                conditions.put(level(level), "s.is_case and s.protection_level = '" + level.recorded() + "'");
            }
        }
        for (HandlingOutcome outcome : HandlingOutcome.values()) {
            if (outcome != HandlingOutcome.NOT_REFERRED) {
                conditions.put(handling(outcome), "s.is_case and s.handling_outcome = '" + outcome.name() + "'");
            }
        }
        for (Sex sex : List.of(Sex.MALE, Sex.FEMALE)) {
            conditions.put(sex(sex), FIRST_ABUSED + " and s.child_sex = '" + sex.name() + "'");
        }
        for (AgeGroup group : AgeGroup.values()) {
            if (group != AgeGroup.UNKNOWN) {
                conditions.put(age(group), FIRST_ABUSED + " and s.child_age >= " + group.from() + " and s.child_age < "
                        + group.below());
            }
        }
        // a child counts under each form they were abused in: at their first case of the period with that form
        for (String form : StatisticsReport.ABUSE_FORMS) {
            conditions.put(form(form), ("s.abused and '%1$s' = any(s.abuse_forms) and "
                    + "{first:s.form_prev_on[array_position(s.abuse_forms, '%1$s')]}").formatted(form));
        }
        return conditions.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /**
     * Counts again the months whose cases changed since the last report (the marks the triggers leave), all of
     * them when the counts or the working-day calendar changed, in a transaction of its own: one report at a time
     * does it.
     */
    void refresh(Instant now) {
        Calendar calendar = calendar(now);
        String signature = Integer.toHexString(definition.hashCode()) + "-" + calendar.fingerprint();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('statistics-refresh'))").query().singleRow();
            boolean sameCounts = jdbc.sql("select signature from statistics_counts").query(String.class).optional()
                    .filter(signature::equals).isPresent();
            if (!sameCounts) {
                jdbc.sql("delete from statistics_month").update();
                jdbc.sql("delete from statistics_breach_month").update();
                jdbc.sql("delete from statistics_dimension_month").update();
                jdbc.sql("delete from statistics_dimension_repeat").update();
                jdbc.sql("insert into statistics_dirty select distinct commune_code, received_month from statistics_case")
                        .update();
                jdbc.sql("""
                                insert into statistics_counts (id, signature) values (1, :s)
                                on conflict (id) do update set signature = excluded.signature""")
                        .param("s", signature).update();
            }
            Set<List<Object>> months = new HashSet<>();
            jdbc.sql("delete from statistics_dirty returning commune_code, month")
                    .query(rs -> {
                        months.add(List.of(rs.getString(1), rs.getDate(2)));
                    });
            if (months.isEmpty()) {
                return;
            }
            String[] communes = months.stream().map(k -> (String) k.get(0)).toArray(String[]::new);
            String[] firstDays = months.stream().map(k -> k.get(1).toString()).toArray(String[]::new);
            String marked = "(select * from unnest(cast(:communes as text[]), cast(cast(:months as text[]) as date[])))";
            for (String table : List.of("statistics_month", "statistics_breach_month", "statistics_dimension_month")) {
                jdbc.sql("delete from " + table + " where (commune_code, month) in " + marked)
                        .param("communes", communes).param("months", firstDays).update();
            }
            jdbc.sql("delete from statistics_dimension_repeat where (commune_code, received_month) in " + marked)
                    .param("communes", communes).param("months", firstDays).update();
            jdbc.sql("""
                            insert into statistics_month (commune_code, month, province_code, counts)
                            select s.commune_code, s.received_month, min(s.province_code), array[%s]
                            from statistics_case s
                            where (s.commune_code, s.received_month) in %s
                            group by s.commune_code, s.received_month""".formatted(aggregates(Reading.MONTH, COUNTS), marked))
                    .param("communes", communes).param("months", firstDays)
                    .param("span", CaseProcess.TWELVE_HOUR_SPAN.toSeconds()).params(calendar.params()).update();
            jdbc.sql("""
                            insert into statistics_breach_month (commune_code, month, province_code, agency_id, breaches,
                                                                 open, cases)
                            select s.commune_code, s.received_month, min(s.province_code), coalesce(b.agency_id, ''),
                                   count(*), count(*) filter (where b.resolved_at is null), count(distinct b.case_id)
                            from deadline_breach b join statistics_case s on s.case_id = b.case_id
                            where (s.commune_code, s.received_month) in %s
                            group by s.commune_code, s.received_month, coalesce(b.agency_id, '')""".formatted(marked))
                    .param("communes", communes).param("months", firstDays).update();
            for (StatisticsDimension dimension : dimensions) {
                jdbc.sql("""
                                with %s,
                                kept as (
                                    insert into statistics_dimension_month (commune_code, month, province_code, dimension,
                                                                            value, cases, firsts)
                                    select commune_code, received_month, min(province_code), :key, value, count(*),
                                           count(*) filter (where prev_on is null)
                                    from rows group by commune_code, received_month, value)
                                insert into statistics_dimension_repeat (case_id, dimension, value, province_code,
                                                                         commune_code, received_on, received_month, prev_on)
                                select case_id, :key, value, province_code, commune_code, received_on, received_month, prev_on
                                from rows where prev_on is not null"""
                                .formatted(monthRows(dimension, marked)))
                        .param("key", dimension.key()).param("communes", communes).param("months", firstDays).update();
            }
        });
    }

    /** The counts of the scope and period, per commune and month of receipt. */
    List<Bucket> buckets(StatisticsScope scope, LocalDate from, LocalDate to, Instant now) {
        Map<List<Object>, Bucket> buckets = new LinkedHashMap<>();
        Calendar calendar = calendar(now);
        Months months = Months.of(from, to);
        if (months.any()) {
            jdbc.sql("select commune_code, month, counts from statistics_month where " + scope(scope, "")
                            + " and month between :first and :last")
                    .param("commune", scope.communeCode()).param("province", scope.provinceCode())
                    .param("first", Date.valueOf(months.first())).param("last", Date.valueOf(months.lastDay()))
                    .query(rs -> {
                        Integer[] kept = (Integer[]) rs.getArray(3).getArray();
                        int[] counts = bucket(buckets, rs).counts();
                        for (int i = 0; i < kept.length; i++) {
                            counts[i] += kept[i];
                        }
                    });
            List<Count> firstInPeriod = COUNTS.stream().filter(Count::periodDependent).toList();
            add(buckets, scope, from, months.first(), months.lastDay(), now, calendar, Reading.REPEATS, firstInPeriod,
                    " and " + REPEAT, 1);
            // the cases whose 12 hours have not ended: received since the day 12 hours ago began
            LocalDate recent = max(months.first(), LocalDate.ofInstant(now.minus(CaseProcess.TWELVE_HOUR_SPAN), ZONE));
            List<Count> due = COUNTS.stream().filter(Count::dueDependent).toList();
            if (!recent.isAfter(months.lastDay())) {
                add(buckets, scope, from, recent, months.lastDay(), now, calendar, Reading.MONTH, due,
                        " and " + WINDOW_END + " > :now", -1);
            }
        }
        for (LocalDate[] days : months.outside(from, to)) {
            add(buckets, scope, from, days[0], days[1], now, calendar, Reading.PERIOD, COUNTS, "", 1);
        }
        linkedReports(scope, from, to, buckets);
        return List.copyOf(buckets.values());
    }

    /**
     * Adds ({@code sign} 1) or takes off (-1) the given counts of the cases of the scope received from
     * {@code first} to {@code last} that meet {@code more}, as {@code reading} reads them.
     */
    private void add(Map<List<Object>, Bucket> buckets, StatisticsScope scope, LocalDate from, LocalDate first,
                     LocalDate last, Instant now, Calendar calendar, Reading reading, List<Count> counts, String more,
                     int sign) {
        List<Count> taken = counts.stream().filter(c -> c.condition() != null).toList();
        days(scope, from, first, last, "select s.commune_code, s.received_month, " + aggregates(reading, taken)
                + " from statistics_case s where " + CASES_OF_DAYS + more + " group by s.commune_code, s.received_month")
                .param("now", Timestamp.from(now))
                .param("span", CaseProcess.TWELVE_HOUR_SPAN.toSeconds())
                .params(calendar.params())
                .query(rs -> {
                    int[] into = bucket(buckets, rs).counts();
                    for (int i = 0; i < taken.size(); i++) {
                        into[INDEX.get(taken.get(i).name())] += sign * rs.getInt(3 + i);
                    }
                });
    }

    private static String aggregates(Reading reading, List<Count> counts) {
        return counts.stream().map(c -> c.condition() == null ? "0" : "count(*) filter (where " + c.read(reading) + ")")
                .map(sql -> sql.equals("0") ? "0" : "cast(" + sql + " as int)")
                .collect(Collectors.joining(",\n       "));
    }

    /**
     * The whole months of a period (from its first month that begins on or after {@code from} to its last that ends
     * on or before {@code to}), and the days before and after them.
     */
    record Months(LocalDate first, LocalDate last) {

        static Months of(LocalDate from, LocalDate to) {
            LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate lastMonth = YearMonth.from(to).atEndOfMonth().equals(to) ? to.withDayOfMonth(1)
                    : to.withDayOfMonth(1).minusMonths(1);
            return new Months(first, lastMonth);
        }

        boolean any() {
            return !first.isAfter(last);
        }

        LocalDate lastDay() {
            return YearMonth.from(last).atEndOfMonth();
        }

        List<LocalDate[]> outside(LocalDate from, LocalDate to) {
            if (!any()) {
                return List.<LocalDate[]>of(new LocalDate[] {from, to});
            }
            List<LocalDate[]> days = new ArrayList<>();
            if (from.isBefore(first)) {
                days.add(new LocalDate[] {from, first.minusDays(1)});
            }
            if (to.isAfter(lastDay())) {
                days.add(new LocalDate[] {lastDay().plusDays(1), to});
            }
            return days;
        }
    }

    /**
     * The working-day calendar from {@link #CALENDAR_START} to a month after now, as the plan counts read it, and a
     * fingerprint of it: the months kept are counted again when a holiday changes.
     */
    record Calendar(Integer[] ordinals, Boolean[] working) {

        Map<String, Object> params() {
            return Map.of("ordinals", ordinals, "working", working, "calendarStart", Date.valueOf(CALENDAR_START),
                    "limit", CaseProcess.PLAN_WORKING_DAYS);
        }

        String fingerprint() {
            return Integer.toHexString(java.util.Arrays.hashCode(working));
        }
    }

    private Calendar calendar(Instant now) {
        LocalDate last = LocalDate.ofInstant(now, ZONE).plusDays(31);
        int days = (int) (last.toEpochDay() - CALENDAR_START.toEpochDay()) + 1;
        Integer[] ordinals = new Integer[days];
        Boolean[] working = new Boolean[days];
        var isWorkingDay = workingDays.workingDayTest();
        int ordinal = 0;
        for (int i = 0; i < days; i++) {
            working[i] = isWorkingDay.test(CALENDAR_START.plusDays(i));
            ordinal += working[i] ? 1 : 0;
            ordinals[i] = ordinal;
        }
        return new Calendar(ordinals, working);
    }

    /** Reports linked to an existing case of the scope, by the month they were received in. */
    private void linkedReports(StatisticsScope scope, LocalDate from, LocalDate to, Map<List<Object>, Bucket> buckets) {
        String received = "cast(r.received_at at time zone " + VIETNAM + " as date)";
        jdbc.sql("""
                        select s.commune_code, cast(date_trunc('month', %1$s) as date), count(*)
                        from report r join statistics_case s on s.case_id = r.case_id
                        where r.linked and r.received_at >= :fromInstant and r.received_at < :toInstant and %2$s
                        group by 1, 2""".formatted(received, scope(scope, "s.")))
                .param("fromInstant", Timestamp.from(start(from))).param("toInstant", Timestamp.from(start(to.plusDays(1))))
                .param("commune", scope.communeCode()).param("province", scope.provinceCode())
                .query(rs -> {
                    bucket(buckets, rs).counts()[INDEX.get(Measure.LINKED_REPORTS.name())] += rs.getInt(3);
                });
    }

    /** A missed deadline's counts: of an agency (null when not recorded), of the cases of a commune and month. */
    record BreachCount(String agencyId, int breaches, int open, int cases) {
    }

    /** Breaches of deadlines (oversight's records) of the cases of the period, by the agency that missed them. */
    List<BreachCount> breaches(StatisticsScope scope, LocalDate from, LocalDate to) {
        List<BreachCount> rows = new ArrayList<>();
        Months months = Months.of(from, to);
        if (months.any()) {
            jdbc.sql("""
                            select nullif(agency_id, ''), breaches, open, cases from statistics_breach_month
                            where %s and month between :first and :last""".formatted(scope(scope, "")))
                    .param("commune", scope.communeCode()).param("province", scope.provinceCode())
                    .param("first", Date.valueOf(months.first())).param("last", Date.valueOf(months.lastDay()))
                    .query(rs -> {
                        rows.add(breach(rs));
                    });
        }
        for (LocalDate[] days : months.outside(from, to)) {
            days(scope, from, days[0], days[1], """
                    select b.agency_id, count(*), count(*) filter (where b.resolved_at is null), count(distinct b.case_id)
                    from deadline_breach b join statistics_case s on s.case_id = b.case_id
                    where {cases of the days}
                    group by b.agency_id""")
                    .query(rs -> {
                        rows.add(breach(rs));
                    });
        }
        return rows;
    }

    private static BreachCount breach(ResultSet rs) throws SQLException {
        return new BreachCount(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
    }

    /** The further breakdowns: per breakdown's key and value, the cases and the children (each once). */
    Map<String, List<StatisticsReport.DimensionCount>> dimensions(StatisticsScope scope, LocalDate from, LocalDate to,
                                                                 List<StatisticsDimension> breakdowns) {
        var counted = breakdowns(scope, from, to, breakdowns, false);
        Map<String, List<StatisticsReport.DimensionCount>> byKey = new java.util.TreeMap<>();
        for (StatisticsDimension dimension : breakdowns) {
            byKey.put(dimension.key(), counted.getOrDefault(dimension.key(), Map.of()).getOrDefault(WHOLE_SCOPE, List.of()));
        }
        return byKey;
    }

    /** A further breakdown per commune of the scope: commune code → per value, the cases and the children. */
    Map<String, List<StatisticsReport.DimensionCount>> dimensionByCommune(StatisticsScope scope, LocalDate from,
                                                                         LocalDate to, StatisticsDimension dimension) {
        return breakdowns(scope, from, to, List.of(dimension), true).getOrDefault(dimension.key(), Map.of());
    }

    /** The group of a breakdown that is not per commune. */
    private static final String WHOLE_SCOPE = "";

    /**
     * Per breakdown, group (the commune, or {@link #WHOLE_SCOPE}) and value: the cases and the children, each once —
     * at their first case of the period with that value, the one whose previous case with it is older or absent. From
     * the months kept (their cases, those without a previous case, and the kept repeats whose previous case is older
     * than the period) and, for the days of a month the period covers in part, from the cases.
     */
    private Map<String, Map<String, List<StatisticsReport.DimensionCount>>> breakdowns(
            StatisticsScope scope, LocalDate from, LocalDate to, List<StatisticsDimension> breakdowns, boolean byCommune) {
        Map<List<String>, int[]> counts = new java.util.TreeMap<>(java.util.Comparator
                .<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        String group = byCommune ? "s.commune_code" : "''";
        String[] keys = breakdowns.stream().map(StatisticsDimension::key).toArray(String[]::new);
        Months months = Months.of(from, to);
        if (months.any()) {
            jdbc.sql("""
                            select dimension, %s, value, sum(cases), sum(firsts) from statistics_dimension_month s
                            where %s and dimension = any(:keys) and month between :first and :last
                            group by 1, 2, 3""".formatted(group, scope(scope, "s.")))
                    .param("commune", scope.communeCode()).param("province", scope.provinceCode()).param("keys", keys)
                    .param("first", Date.valueOf(months.first())).param("last", Date.valueOf(months.lastDay()))
                    .query(rs -> {
                        add(counts, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5));
                    });
            jdbc.sql("""
                            select dimension, %s, value, count(*) from statistics_dimension_repeat s
                            where %s and dimension = any(:keys) and received_on between :first and :last
                              and prev_on < :from
                            group by 1, 2, 3""".formatted(group, scope(scope, "s.")))
                    .param("commune", scope.communeCode()).param("province", scope.provinceCode()).param("keys", keys)
                    .param("first", Date.valueOf(months.first())).param("last", Date.valueOf(months.lastDay()))
                    .param("from", Date.valueOf(from))
                    .query(rs -> {
                        add(counts, rs.getString(1), rs.getString(2), rs.getString(3), 0, rs.getInt(4));
                    });
        }
        for (LocalDate[] range : months.outside(from, to)) {
            for (LocalDate day = range[0]; !day.isAfter(range[1]); day = YearMonth.from(day).plusMonths(1).atDay(1)) {
                LocalDate last = min(YearMonth.from(day).atEndOfMonth(), range[1]);
                monthBegun(scope, from, day, last, breakdowns, group, keys, counts);
            }
        }
        Map<String, Map<String, List<StatisticsReport.DimensionCount>>> result = new java.util.TreeMap<>();
        counts.forEach((key, c) -> {
            if (c[0] > 0) {
                result.computeIfAbsent(key.get(0), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(key.get(1), k -> new ArrayList<>())
                        .add(new StatisticsReport.DimensionCount(key.get(2), c[0], c[1]));
            }
        });
        return result;
    }

    /**
     * The days {@code first} to {@code last} of one month that the period covers in part. A case counts its child
     * for a value when it has no previous case with it (it is not among the kept repeats) or when that previous case
     * is older than the period: children = cases − repeats + repeats older than the period, all of the days. The
     * cases per value come from the cases of the days or, when the days are most of the month, from the month kept
     * less the days left out: at most half a month of cases is ever joined to the breakdowns' tables, and each by
     * its key (bench/README.md: a province's period beginning on the 3rd joined four weeks of cases and took 4 s).
     */
    private void monthBegun(StatisticsScope scope, LocalDate from, LocalDate first, LocalDate last,
                            List<StatisticsDimension> breakdowns, String group, String[] keys,
                            Map<List<String>, int[]> counts) {
        YearMonth month = YearMonth.from(first);
        if (2 * (java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1) <= month.lengthOfMonth()) {
            daysOfMonth(scope, first, last, 1, breakdowns, group, keys, counts);
        } else {
            jdbc.sql("""
                            select dimension, %s, value, sum(cases), sum(firsts) from statistics_dimension_month s
                            where %s and dimension = any(:keys) and month = :month
                            group by 1, 2, 3""".formatted(group, scope(scope, "s.")))
                    .param("commune", scope.communeCode()).param("province", scope.provinceCode()).param("keys", keys)
                    .param("month", Date.valueOf(month.atDay(1)))
                    .query(rs -> {
                        add(counts, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5));
                    });
            if (first.getDayOfMonth() > 1) {
                daysOfMonth(scope, month.atDay(1), first.minusDays(1), -1, breakdowns, group, keys, counts);
            }
            if (last.isBefore(month.atEndOfMonth())) {
                daysOfMonth(scope, last.plusDays(1), month.atEndOfMonth(), -1, breakdowns, group, keys, counts);
            }
        }
        jdbc.sql("""
                        select dimension, %s, value, count(*) from statistics_dimension_repeat s
                        where %s and dimension = any(:keys) and received_on between :first and :last and prev_on < :from
                        group by 1, 2, 3""".formatted(group, scope(scope, "s.")))
                .param("commune", scope.communeCode()).param("province", scope.provinceCode()).param("keys", keys)
                .param("first", Date.valueOf(first)).param("last", Date.valueOf(last)).param("from", Date.valueOf(from))
                .query(rs -> {
                    add(counts, rs.getString(1), rs.getString(2), rs.getString(3), 0, rs.getInt(4));
                });
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the days' cases per breakdown and value, and as many children less
     * the days' kept repeats (the cases whose child had the value before).
     */
    private void daysOfMonth(StatisticsScope scope, LocalDate first, LocalDate last, int sign,
                             List<StatisticsDimension> breakdowns, String group, String[] keys,
                             Map<List<String>, int[]> counts) {
        for (StatisticsDimension dimension : breakdowns) {
            days(scope, first, first, last, """
                    select %s, s.value, count(*) from (
                        select distinct s.case_id, s.commune_code, cast(v.value as text) as value
                        from statistics_case s join (%s) as v (case_id, value) on v.case_id = s.case_id
                        where %s and %s) s
                    group by 1, 2""".formatted(group, dimension.caseValues(), CASES_OF_DAYS,
                    population(dimension, "s.")))
                    .query(rs -> {
                        add(counts, dimension.key(), rs.getString(1), rs.getString(2), sign * rs.getInt(3),
                                sign * rs.getInt(3));
                    });
        }
        jdbc.sql("""
                        select dimension, %s, value, count(*) from statistics_dimension_repeat s
                        where %s and dimension = any(:keys) and received_on between :first and :last
                        group by 1, 2, 3""".formatted(group, scope(scope, "s.")))
                .param("commune", scope.communeCode()).param("province", scope.provinceCode()).param("keys", keys)
                .param("first", Date.valueOf(first)).param("last", Date.valueOf(last))
                .query(rs -> {
                    add(counts, rs.getString(1), rs.getString(2), rs.getString(3), 0, -sign * rs.getInt(4));
                });
    }

    private static void add(Map<List<String>, int[]> counts, String key, String group, String value, int cases,
                            int children) {
        int[] c = counts.computeIfAbsent(List.of(key, group, value), k -> new int[2]);
        c[0] += cases;
        c[1] += children;
    }

    /**
     * {@code rows}: the cases of the marked months that a breakdown counts, one row per case and value, with the date of
     * the child's previous case with the same value ({@code prev_on}) — set-based for any number of months: the
     * previous dates come from one pass over the cases of the children with an earlier case at all.
     */
    private static String monthRows(StatisticsDimension dimension, String marked) {
        return rowsWithPrevious(dimension, "(s.commune_code, s.received_month) in " + marked);
    }

    /** {@code rows} as {@link #monthRows}, of the cases meeting {@code where} (on {@code s}). */
    private static String rowsWithPrevious(StatisticsDimension dimension, String where) {
        String previous = dimension.population() == StatisticsDimension.Population.ABUSED ? "s.abused_prev_on"
                : "s.child_prev_on";
        // the breakdown's own SQL (its table's key makes it distinct per case and value), so that a case is looked up
        // by index; a `select distinct` around it would be read whole for every statement (bench/README.md)
        String values = "(" + dimension.caseValues() + ") as v (case_id, value)";
        String population = population(dimension, "s.");
        return """
                marked_cases as materialized (
                    select s.* from statistics_case s where %1$s and %2$s),
                chain as (
                    select s.case_id, cast(v.value as text) as value,
                           lag(s.received_on) over (partition by s.child_key, cast(v.value as text)
                                                    order by s.received_at, s.case_id) as prev_on
                    from statistics_case s join %3$s on v.case_id = s.case_id
                    where s.child_key in (select s.child_key from marked_cases s where %4$s is not null) and %2$s),
                rows as materialized (
                    select distinct s.case_id, s.commune_code, s.received_month, s.province_code, s.received_on,
                           cast(v.value as text) as value, c.prev_on
                    from marked_cases s join %3$s on v.case_id = s.case_id
                    left join chain c on c.case_id = s.case_id and c.value = cast(v.value as text))"""
                .formatted(where, population, values, previous);
    }

    /** The cases a breakdown counts: the children abused, or every case (reports found unfounded left out). */
    private static String population(StatisticsDimension dimension, String alias) {
        return dimension.population() == StatisticsDimension.Population.ABUSED ? alias + "abused" : alias + "is_case";
    }

    /**
     * A statement on the cases of the scope received from {@code first} to {@code last}, the condition
     * {@value #CASES_OF_DAYS} in {@code sql}; {@code :from} is the period's start.
     */
    private JdbcClient.StatementSpec days(StatisticsScope scope, LocalDate from, LocalDate first, LocalDate last,
                                          String sql) {
        return jdbc.sql(sql.replace(CASES_OF_DAYS, scope(scope, "s.") + " and s.received_on between :first and :last"))
                .param("commune", scope.communeCode()).param("province", scope.provinceCode())
                .param("from", Date.valueOf(from)).param("first", Date.valueOf(first)).param("last", Date.valueOf(last));
    }

    private static String scope(StatisticsScope scope, String alias) {
        String province = alias + "province_code = :province";
        return scope.isCommune() ? province + " and " + alias + "commune_code = :commune" : province;
    }

    private static Bucket bucket(Map<List<Object>, Bucket> buckets, ResultSet rs) throws SQLException {
        String commune = rs.getString(1);
        YearMonth month = YearMonth.from(rs.getDate(2).toLocalDate());
        return buckets.computeIfAbsent(List.of(commune, month), k -> new Bucket(commune, month, new int[COUNTS.size()]));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static int sum(List<Bucket> buckets, String count) {
        return buckets.stream().mapToInt(b -> b.get(count)).sum();
    }

    static int sum(List<Bucket> buckets, Measure measure) {
        return sum(buckets, measure.name());
    }
}
