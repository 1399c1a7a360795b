package vn.trean.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.trean.reporting.StatisticsReport.AgeGroup;
import vn.trean.reporting.StatisticsReport.HandlingOutcome;
import vn.trean.reporting.StatisticsReport.ProtectionLevel;
import vn.trean.reporting.StatisticsReport.Sex;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.WorkingDays;

/**
 * The SQL of the statistics, on {@code statistics_case} (V32: one narrow row per case, kept by triggers). Every
 * figure is a count over the cases of a scope received in a period, taken per commune and month of receipt in one
 * scan ({@link Bucket}); the report adds the buckets up by commune, by month and in total. Children are counted
 * without {@code count(distinct)}: a child counts at its first case of the period, the one whose previous case
 * ({@code *_prev_on}) is older than the period or absent — so the counts add up across communes and months.
 */
@Component
class StatisticsQueries {

    private static final String VIETNAM = "'Asia/Ho_Chi_Minh'";
    /** The child's first abused case in the period: where its sex and age are read. */
    private static final String FIRST_ABUSED = "s.abused and (s.abused_prev_on is null or s.abused_prev_on < :from)";
    /** When the case's 12-hour window ends. */
    private static final String WINDOW_END = "s.received_at + make_interval(secs => :span)";
    /** Where a statement's condition on the scope and the period goes. */
    private static final String CASES_OF_PERIOD = "{cases of the period}";

    /** What the buckets count, each a condition on a case row; their order is the order of {@link Bucket#counts}. */
    enum Measure {
        RECEIVED, VERIFIED, NOT_A_CASE, CASES, OPEN, EMERGENCY, TWELVE_HOUR_DUE, TWELVE_HOUR_IN_TIME, CHILDREN,
        ABUSED, ABUSED_FIRST_IN_MONTH, PLANS_APPROVED, PLANS_IN_TIME, LINKED_REPORTS
    }

    /** A count: a measure or one value of a breakdown, with the condition a case row must meet. */
    record Count(String name, String condition) {
    }

    /** The counts the one scan takes: the measures of the scan, then each breakdown's values. */
    static final List<Count> COUNTS = counts();
    private static final Map<String, Integer> INDEX = COUNTS.stream()
            .collect(Collectors.toMap(Count::name, c -> COUNTS.indexOf(c)));

    /** The figures of the cases of one commune received in one month. */
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

    StatisticsQueries(JdbcClient jdbc, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
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

    private static List<Count> counts() {
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions.put(Measure.RECEIVED.name(), "true");
        conditions.put(Measure.VERIFIED.name(), "s.verified_at is not null");
        conditions.put(Measure.NOT_A_CASE.name(), "not s.is_case");
        conditions.put(Measure.CASES.name(), "s.is_case");
        conditions.put(Measure.OPEN.name(), "s.is_case and s.status = 'OPEN'");
        conditions.put(Measure.EMERGENCY.name(), "s.is_case and s.emergency");
        conditions.put(Measure.TWELVE_HOUR_DUE.name(), WINDOW_END + " <= :now");
        conditions.put(Measure.TWELVE_HOUR_IN_TIME.name(),
                WINDOW_END + " <= :now and s.window_done_at <= " + WINDOW_END);
        conditions.put(Measure.CHILDREN.name(), "s.is_case and (s.child_prev_on is null or s.child_prev_on < :from)");
        conditions.put(Measure.ABUSED.name(), FIRST_ABUSED);
        conditions.put(Measure.ABUSED_FIRST_IN_MONTH.name(),
                "s.abused and (s.abused_prev_on is null or s.abused_prev_on < s.received_month)");
        // taken by their own queries (plans, linked reports): nothing in the scan
        for (Measure other : List.of(Measure.PLANS_APPROVED, Measure.PLANS_IN_TIME, Measure.LINKED_REPORTS)) {
            conditions.put(other.name(), null);
        }
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
        return conditions.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /** The counts of the scope and period, per commune and month of receipt. */
    List<Bucket> buckets(StatisticsScope scope, LocalDate from, LocalDate to, Instant now) {
        Map<List<Object>, Bucket> buckets = new LinkedHashMap<>();
        String aggregates = COUNTS.stream().filter(c -> c.condition() != null)
                .map(c -> "count(*) filter (where " + c.condition() + ")")
                .collect(Collectors.joining(",\n       "));
        List<Integer> scanned = COUNTS.stream().filter(c -> c.condition() != null).map(COUNTS::indexOf).toList();
        period(scope, from, to, "select s.commune_code, s.received_month,\n       " + aggregates + """

                from statistics_case s
                where {cases of the period}
                group by s.commune_code, s.received_month""")
                .param("now", Timestamp.from(now))
                .param("span", CaseProcess.TWELVE_HOUR_SPAN.toSeconds())
                .query(rs -> {
                    int[] counts = bucket(buckets, rs).counts();
                    for (int i = 0; i < scanned.size(); i++) {
                        counts[scanned.get(i)] = rs.getInt(3 + i);
                    }
                });
        plans(scope, from, to, now, buckets);
        linkedReports(scope, from, to, buckets);
        return List.copyOf(buckets.values());
    }

    /**
     * Plans approved, and of those approved within 7 working days of the plan step opening (an emergency's plan is
     * exempt), as the board judges them: against a working-day calendar from the app's, numbered by day.
     */
    private void plans(StatisticsScope scope, LocalDate from, LocalDate to, Instant now, Map<List<Object>, Bucket> buckets) {
        LocalDate last = max(to, LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).plusDays(31);
        int days = (int) (last.toEpochDay() - from.toEpochDay()) + 1;
        String[] dates = new String[days];
        Integer[] ordinals = new Integer[days];
        Boolean[] working = new Boolean[days];
        int ordinal = 0;
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            working[i] = workingDays.isWorkingDay(day);
            ordinal += working[i] ? 1 : 0;
            dates[i] = day.toString();
            ordinals[i] = ordinal;
        }
        String opened = "cast(s.plan_draft_opened_at at time zone " + VIETNAM + " as %s)";
        String approved = "cast(s.plan_approved_at at time zone " + VIETNAM + " as %s)";
        period(scope, from, to, """
                with calendar (day, ordinal, working) as (
                    select * from unnest(cast(cast(:days as text[]) as date[]), cast(:ordinals as int[]),
                                         cast(:working as boolean[])))
                select s.commune_code, s.received_month, count(*),
                       count(*) filter (where a.ordinal - o.ordinal < :limit
                                           or (a.ordinal - o.ordinal = :limit and a.working and %s <= %s))
                from statistics_case s
                join calendar o on o.day = %s
                join calendar a on a.day = %s
                where {cases of the period} and s.plan_approved_at is not null and s.emergency is not true
                group by s.commune_code, s.received_month""".formatted(approved.formatted("time"),
                opened.formatted("time"), opened.formatted("date"), approved.formatted("date")))
                .param("days", dates).param("ordinals", ordinals).param("working", working)
                .param("limit", CaseProcess.PLAN_WORKING_DAYS)
                .query(rs -> {
                    int[] counts = bucket(buckets, rs).counts();
                    counts[INDEX.get(Measure.PLANS_APPROVED.name())] = rs.getInt(3);
                    counts[INDEX.get(Measure.PLANS_IN_TIME.name())] = rs.getInt(4);
                });
    }

    /** Reports linked to an existing case of the scope, by the month they were received in. */
    private void linkedReports(StatisticsScope scope, LocalDate from, LocalDate to, Map<List<Object>, Bucket> buckets) {
        String received = "cast(r.received_at at time zone " + VIETNAM + " as date)";
        jdbc.sql("""
                        select s.commune_code, cast(date_trunc('month', %1$s) as date), count(*)
                        from report r join statistics_case s on s.case_id = r.case_id
                        where r.linked and r.received_at >= :fromInstant and r.received_at < :toInstant and %2$s
                        group by 1, 2""".formatted(received, scope(scope)))
                .param("fromInstant", Timestamp.from(start(from))).param("toInstant", Timestamp.from(start(to.plusDays(1))))
                .param("commune", scope.communeCode()).param("province", scope.provinceCode())
                .query(rs -> {
                    bucket(buckets, rs).counts()[INDEX.get(Measure.LINKED_REPORTS.name())] = rs.getInt(3);
                });
    }

    /** Children abused by form of abuse, each child once per form: at its first abused case of the period with that form. */
    Map<String, Integer> abusedByForm(StatisticsScope scope, LocalDate from, LocalDate to) {
        Map<String, Integer> forms = new HashMap<>();
        period(scope, from, to, """
                select f.form, count(*)
                from statistics_case s cross join lateral unnest(s.abuse_forms, s.form_prev_on) as f(form, prev)
                where {cases of the period} and s.abused and (f.prev is null or f.prev < :from)
                group by f.form""")
                .query(rs -> {
                    forms.put(rs.getString(1), rs.getInt(2));
                });
        return forms;
    }

    /** Breaches of deadlines (oversight's records) of the cases of the period, by the agency that missed them. */
    List<int[]> breachesByAgency(StatisticsScope scope, LocalDate from, LocalDate to, List<String> agencyIds) {
        List<int[]> rows = new ArrayList<>();
        period(scope, from, to, """
                select b.agency_id, count(*), count(*) filter (where b.resolved_at is null), count(distinct b.case_id)
                from deadline_breach b join statistics_case s on s.case_id = b.case_id
                where {cases of the period}
                group by b.agency_id
                order by count(*) desc, b.agency_id""")
                .query(rs -> {
                    agencyIds.add(rs.getString(1));
                    rows.add(new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
                });
        return rows;
    }

    /** A further breakdown: per value, the cases and the children (each once). */
    List<StatisticsReport.DimensionCount> dimension(StatisticsScope scope, LocalDate from, LocalDate to,
                                                    StatisticsDimension dimension) {
        String population = dimension.population() == StatisticsDimension.Population.ABUSED ? "s.abused" : "s.is_case";
        return period(scope, from, to, """
                select cast(v.value as text), count(distinct s.case_id), count(distinct coalesce(s.child_key, s.case_id))
                from statistics_case s join ({case values}) as v (case_id, value) on v.case_id = s.case_id
                where {cases of the period} and {population}
                group by 1
                order by 1""".replace("{population}", population).replace("{case values}", dimension.caseValues()))
                .query((rs, i) -> new StatisticsReport.DimensionCount(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /** A statement on the cases of the scope received in the period, the condition {@value #CASES_OF_PERIOD} in {@code sql}. */
    private JdbcClient.StatementSpec period(StatisticsScope scope, LocalDate from, LocalDate to, String sql) {
        return jdbc.sql(sql.replace(CASES_OF_PERIOD, scope(scope) + " and s.received_on between :from and :to"))
                .param("commune", scope.communeCode()).param("province", scope.provinceCode())
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
    }

    private static String scope(StatisticsScope scope) {
        return scope.isCommune() ? "s.commune_code = :commune" : "s.province_code = :province";
    }

    private static Bucket bucket(Map<List<Object>, Bucket> buckets, ResultSet rs) throws SQLException {
        String commune = rs.getString(1);
        YearMonth month = YearMonth.from(rs.getDate(2).toLocalDate());
        return buckets.computeIfAbsent(List.of(commune, month), k -> new Bucket(commune, month, new int[COUNTS.size()]));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
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
