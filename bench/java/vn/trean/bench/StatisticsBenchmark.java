package vn.trean.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.reporting.Statistics;
import vn.trean.reporting.StatisticsScope;

/**
 * The statistics of a province with {@code bench.cases} cases on record (default 1,000,000), and what keeping
 * their summary ({@code statistics_case}, V32) costs each change of a case.
 *
 * <p>Seeds the cases of Hà Nội (its 126 communes) with SQL ({@code generate_series}), received over the last five
 * years: case, child (about one child in ten has two cases), opening report, verification, plan steps for a third,
 * missed 12-hour deadlines, reports linked later. The summary's triggers are off while seeding; the summary is then
 * built in one statement ({@code statistics_rebuild()}, timed). Times the statistics of the province and of one
 * commune for a half-year, a year and five years: the first call, then {@code bench.requests} calls (median, slowest),
 * as the service call plus its JSON, and over HTTP (the API and the page). Then files cases through SQL as the app
 * writes them, with the triggers on and off in turns, for the cost per case. Not a test: nothing is asserted.
 * Figures go to the console and to {@code target/bench/statistics.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"trean.db.pool-size=4", "logging.level.root=WARN"})
@ActiveProfiles("test")
class StatisticsBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 7);
    private static final int WRITES = Integer.getInteger("bench.writes", 1000);
    private static final int BATCH = 200_000;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> TRIGGERS = List.of("case_file:statistics_case_opened",
            "case_file:statistics_case_updated", "child:statistics_child", "report:statistics_report",
            "step_record:statistics_step");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Statistics statistics;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> lines = new ArrayList<>();

    @Test
    void statisticsOfAProvinceWithAMillionCases() throws Exception {
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate first = today.minusYears(5).plusDays(1);
        long seeding = timed(() -> seed(first, today));
        long rebuild = timed(() -> jdbc.sql("select statistics_rebuild()").query().singleRow());
        triggers(true);
        // what autovacuum does in time: the rebuild wrote every row twice
        long vacuum = timed(() -> jdbc.sql("vacuum analyze").update());
        int communes = jdbc.sql("select count(distinct commune_code) from statistics_case where province_code = '01'")
                .query(Integer.class).single();
        String commune = jdbc.sql("select commune_code from statistics_case where province_code = '01' "
                + "group by commune_code order by count(*) desc limit 1").query(String.class).single();
        long months = timed(() -> statistics.report(StatisticsScope.province("01"), today, today));
        lines.add("%,d cases of Hà Nội (%d communes) seeded with SQL in %d s; the summary built from them "
                .formatted(CASES, communes, seeding / 1000) + "(`statistics_rebuild()`) in %d s, %s on disk.".formatted(
                rebuild / 1000, jdbc.sql("select pg_size_pretty(pg_total_relation_size('statistics_case'))")
                        .query(String.class).single()));
        lines.add("`vacuum analyze` after it: %d s.".formatted(vacuum / 1000));
        lines.add("The first report after the load counted every month of every commune (`statistics_month`) in %d s."
                .formatted(months / 1000));
        lines.add("PostgreSQL " + jdbc.sql("select current_setting('server_version') || ', JIT ' || "
                + "case when pg_jit_available() then 'available' else 'not available' end || ', work_mem ' || "
                + "current_setting('work_mem') || ', shared_buffers ' || current_setting('shared_buffers')")
                .query(String.class).single() + ".");
        lines.add("");
        lines.add("| scope | period | cases in it | first call ms | median ms | slowest ms | over HTTP: API, page (median ms) |");
        lines.add("|---|---|---|---|---|---|---|");
        LocalDate halfYear = today.getMonthValue() > 6 ? LocalDate.of(today.getYear(), 1, 1)
                : LocalDate.of(today.getYear() - 1, 7, 1);
        LocalDate lastYear = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate[][] periods = {
                {halfYear, halfYear.plusMonths(6).minusDays(1)},
                {lastYear, lastYear.plusYears(1).minusDays(1)},
                {today.minusYears(1).plusDays(1), today},
                {first, today}};
        String[] names = {"half-year", "calendar year", "12 months to today", "5 years to today"};
        for (StatisticsScope scope : List.of(StatisticsScope.province("01"), StatisticsScope.commune("01", commune))) {
            for (int p = 0; p < periods.length; p++) {
                measure(scope, names[p], periods[p][0], periods[p][1]);
            }
        }
        lines.add("");
        lines.add("The periodic report as documents over HTTP (median of three):");
        lines.add("");
        lines.add("| scope | period | XLSX | PDF |");
        lines.add("|---|---|---|---|");
        for (StatisticsScope scope : List.of(StatisticsScope.province("01"), StatisticsScope.commune("01", commune))) {
            for (int p = 0; p < periods.length; p += 3) {
                documents(scope, names[p], periods[p][0], periods[p][1]);
            }
        }
        lines.add("");
        writes();
        long afterWrites = timed(() -> statistics.report(StatisticsScope.province("01"), lastYear, today));
        lines.add(String.format(Locale.ROOT, "The first report after those writes (the province, %s to %s: the months they "
                + "changed counted again first) took %d ms.", lastYear, today, afterWrites));

        String report = "# Statistics benchmark\n\n" + String.join("\n", lines) + "\n";
        System.out.println(report);
        Path out = Path.of("target", "bench", "statistics.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void measure(StatisticsScope scope, String name, LocalDate from, LocalDate to) throws Exception {
        Supplier<Object> call = () -> {
            try {
                return json.writeValueAsBytes(statistics.report(scope, from, to));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
        long firstCall = timed(call::get);
        long[] warm = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            warm[i] = timed(call::get);
        }
        Arrays.sort(warm);
        String query = "from=" + from + "&to=" + to + (scope.isCommune() ? "&commune=" + scope.communeCode() : "");
        long api = medianOverHttp("/api/statistics?" + query);
        long page = medianOverHttp("/statistics?" + query);
        int cases = jdbc.sql("select count(*) from statistics_case where " + (scope.isCommune()
                        ? "commune_code = :c" : "province_code = :p") + " and received_on between :f and :t")
                .param("c", scope.communeCode()).param("p", scope.provinceCode()).param("f", from).param("t", to)
                .query(Integer.class).single();
        lines.add(String.format(Locale.ROOT, "| %s | %s (%s – %s) | %,d | %d | %d | %d | %d, %d |",
                scope.isCommune() ? "commune " + scope.communeCode() : "province 01", name, from, to, cases, firstCall,
                warm[warm.length / 2], warm[warm.length - 1], api, page));
    }

    /** Median of a few calls as the supervisor; HTTP Basic adds one BCrypt check per call unless remembered. */
    private long medianOverHttp(String path) throws Exception {
        return overHttp(path, path.startsWith("/api") ? "application/json" : "text/html")[0];
    }

    /** The median time of three calls as the supervisor, and the size of the answer. */
    private long[] overHttp(String path, String accept) throws Exception {
        long[] times = new long[3];
        long bytes = 0;
        String auth = Base64.getEncoder().encodeToString("supervisor:TreAn@2026".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Basic " + auth)
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            times[i] = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            bytes = response.body().length;
        }
        Arrays.sort(times);
        return new long[] {times[1], bytes};
    }

    /** The periodic report of a period as the documents a person downloads: XLSX and PDF, over HTTP. */
    private void documents(StatisticsScope scope, String name, LocalDate from, LocalDate to) throws Exception {
        String query = "from=" + from + "&to=" + to + (scope.isCommune() ? "&commune=" + scope.communeCode() : "");
        long[] xlsx = overHttp("/api/statistics/report?" + query + "&format=xlsx", "*/*");
        long[] pdf = overHttp("/api/statistics/report?" + query + "&format=pdf", "*/*");
        lines.add(String.format(Locale.ROOT, "| %s | %s (%s – %s) | %d ms, %,d bytes | %d ms, %,d bytes |",
                scope.isCommune() ? "commune " + scope.communeCode() : "province 01", name, from, to, xlsx[0], xlsx[1],
                pdf[0], pdf[1]));
    }

    /**
     * A case as the app writes it over its life — the case, its child, its report, the verification opened, its
     * data recorded, completed — each statement of it firing the summary's triggers, in one transaction per case;
     * in turns with the triggers off, so that both see the same load.
     */
    private void writes() {
        long[] on = new long[2];
        long[] off = new long[2];
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            for (boolean enabled : new boolean[] {true, false}) {
                triggers(enabled);
                long[] into = enabled ? on : off;
                for (int i = 0; i < WRITES / rounds; i++) {
                    into[0] += timed(this::fileOneCase);
                    into[1]++;
                }
            }
        }
        triggers(true);
        double withTriggers = (double) on[0] / on[1];
        double without = (double) off[0] / off[1];
        lines.add(String.format(Locale.ROOT, "Keeping the summary: a case written as the app writes it (6 statements, "
                        + "one transaction) took %.2f ms with the triggers and %.2f ms without (%d cases each, in turns): "
                        + "%.2f ms per case for the summary.", withTriggers, without, on[1], withTriggers - without));
    }

    private void fileOneCase() {
        transactions.executeWithoutResult(status -> {
            UUID id = UUID.randomUUID();
            String task = "write-" + id;
            jdbc.sql("""
                            insert into case_file (id, case_number, commune_code, province_code, category, received_at,
                                                   created_at, created_by)
                            values (:id, :number, '00004', '01', 'ABUSED', now(), now(), 'bench')""")
                    .param("id", id).param("number", "W-" + id).update();
            jdbc.sql("""
                            insert into child (id, case_id, full_name, name_normalized, date_of_birth, sex)
                            values (gen_random_uuid(), :id, :name, :name, date '2016-05-01', 'FEMALE')""")
                    .param("id", id).param("name", "tre ghi thu " + id).update();
            jdbc.sql("""
                            insert into report (case_id, receiving_agency_id, receiving_officer, channel, place,
                                                current_condition, abuse_forms, received_at, linked)
                            values (:id, 'hotline-111', 'bench', 'PHONE', 'Tổ 1', 'Bầm tím', '{VIOLENCE}', now(), false)""")
                    .param("id", id).update();
            jdbc.sql("""
                            insert into step_record (case_id, step_key, task_id, opened_at, due_at)
                            values (:id, 'verify_report', :task, now(), now() + interval '12 hours')""")
                    .param("id", id).param("task", task).update();
            jdbc.sql("update step_record set data = '{\"abuseConfirmed\": \"yes\"}' where task_id = :task")
                    .param("task", task).update();
            jdbc.sql("update step_record set completed_at = now() where task_id = :task").param("task", task).update();
        });
    }

    private void triggers(boolean enabled) {
        for (String trigger : TRIGGERS) {
            String[] parts = trigger.split(":");
            jdbc.sql("alter table " + parts[0] + (enabled ? " enable" : " disable") + " trigger " + parts[1]).update();
        }
    }

    /**
     * The cases, in batches: a case's child is one of 0.9 × cases children, so about one child in ten has two cases
     * (in the same commune, with the same name and date of birth).
     */
    private void seed(LocalDate first, LocalDate today) {
        triggers(false);
        String numbers = """
                select i, (i * 7919::bigint) %% :children as child,
                       timestamptz '%s 00:00+07' + (i::float8 / :cases) * (timestamptz '%s 23:59+07' - timestamptz '%s 00:00+07')
                           as received
                  from generate_series(:low, :high) as i""".formatted(first, today, first);
        String communes = """
                (select array_agg(code order by code) as codes, count(*) as n from locality
                  where list = 'V2025' and level = 'COMMUNE' and province_code = '01') l""";
        for (int low = 1; low <= CASES; low += BATCH) {
            int high = Math.min(CASES, low + BATCH - 1);
            batch("""
                    insert into case_file (id, case_number, commune_code, province_code, category, status, protection_level,
                                           emergency, received_at, created_at, created_by, closed_at, closing_outcome,
                                           criminal_procedure, handling_outcome)
                    select md5('case' || i)::uuid, 'BENCH-' || i, l.codes[1 + child %% l.n], '01',
                           (array['ABUSED', 'ABUSED', 'AT_RISK', 'SPECIAL_CIRCUMSTANCES'])[1 + i %% 4],
                           case when closed then 'CLOSED' else 'OPEN' end,
                           (array[null, 'prevention', 'support', 'intervention'])[1 + i %% 4],
                           i %% 17 = 0, received, received, 'bench',
                           case when closed then received + interval '60 days' end,
                           case when closed then case when i %% 13 = 0 then 'VERIFIED_NOT_A_CASE' else 'CASE_HANDLED' end end,
                           i %% 7 = 0,
                           case when i %% 7 = 0 then (array['PENDING', 'PROSECUTED', 'ADMINISTRATIVE_SANCTION', 'NONE'])[1 + i %% 4] end
                      from (select *, received < now() - interval '90 days' and i %% 5 <> 0 as closed from (%s) n) g, %s
                    """.formatted(numbers, communes), low, high);
            batch("""
                    insert into child (id, case_id, full_name, name_normalized, date_of_birth, estimated_age, sex)
                    select md5('child' || i)::uuid, md5('case' || i)::uuid, 'Trẻ ' || child, 'tre ' || child,
                           case when child %% 5 <> 0 then date '2010-01-01' + (child %% 5000)::int end,
                           case when child %% 5 = 0 then child %% 16 end,
                           (array['MALE', 'FEMALE', 'UNKNOWN'])[1 + child %% 3]
                      from (%s) n
                    """.formatted(numbers), low, high);
            batch("""
                    insert into report (id, case_id, receiving_agency_id, receiving_officer, channel, place,
                                        current_condition, abuse_forms, received_at, linked)
                    select md5('report' || i)::uuid, md5('case' || i)::uuid, 'hotline-111', 'bench', 'PHONE', 'Tổ dân phố',
                           'Tình trạng', case when i %% 9 = 0 then array['VIOLENCE', 'SEXUAL_ABUSE']
                                              else array[(array['VIOLENCE', 'EXPLOITATION', 'SEXUAL_ABUSE', 'TRAFFICKING',
                                                                'ABANDONMENT', 'OTHER'])[1 + i %% 6]] end,
                           received, false
                      from (%s) n
                    union all
                    select md5('linked' || i)::uuid, md5('case' || i)::uuid, 'hotline-111', 'bench', 'PHONE', 'Tổ dân phố',
                           'Báo thêm', '{}', received + interval '1 day', true
                      from (%s) n where i %% 50 = 0
                    """.formatted(numbers, numbers), low, high);
            batch("""
                    insert into step_record (case_id, step_key, task_id, opened_at, due_at, completed_at, data)
                    select md5('case' || i)::uuid, 'verify_report', 'bv-' || i, received, received + interval '12 hours',
                           received + (i %% 20) * interval '1 hour',
                           jsonb_build_object('abuseConfirmed', case when i %% 5 = 0 then 'no' else 'yes' end)
                      from (%s) n where i %% 10 <> 0
                    union all
                    select md5('case' || i)::uuid, 'draft_plan', 'bd-' || i, received + interval '2 days',
                           received + interval '9 days', received + interval '5 days', '{}'::jsonb
                      from (%s) n where i %% 3 = 0
                    union all
                    select md5('case' || i)::uuid, 'approve_plan', 'ba-' || i, received + interval '5 days',
                           received + interval '9 days', received + interval '2 days' + (i %% 12) * interval '1 day',
                           '{"planApproved": "yes"}'::jsonb
                      from (%s) n where i %% 3 = 0
                    """.formatted(numbers, numbers, numbers), low, high);
            batch("""
                    insert into deadline_breach (case_id, step_key, task_id, deadline_at, detected_at, resolved_at, agency_id)
                    select md5('case' || i)::uuid, 'verify_report', 'bv-' || i, received + interval '12 hours',
                           received + interval '12 hours', received + (i %% 20) * interval '1 hour',
                           'child-protection-' || l.codes[1 + child %% l.n]
                      from (%s) n, %s where i %% 10 <> 0 and i %% 20 > 12
                    """.formatted(numbers, communes), low, high);
            dimensions(numbers, low, high);
        }
    }

    /**
     * The dimensions the reports break the figures down by (V30): every case classified (environment, the
     * perpetrator's relation), a sub-type for the sexual abuse, one case in five in a special-circumstance group
     * (one in twenty-five in two), and for the cases with a plan two measures, the first carried out.
     */
    private void dimensions(String numbers, int low, int high) {
        batch("""
                insert into case_classification (case_id, abuse_forms, environment, perpetrator_relation,
                                                 perpetrator_age_group, perpetrator_sex, updated_at, updated_by)
                select md5('case' || i)::uuid, '{}',
                       (array['FAMILY', 'FAMILY', 'SCHOOL', 'COMMUNITY', 'ONLINE', 'WORKPLACE', 'OTHER'])[1 + i %% 7],
                       (array['PARENT', 'STEP_PARENT', 'OTHER_RELATIVE', 'ACQUAINTANCE', 'STRANGER', 'UNKNOWN'])[1 + i %% 6],
                       'ADULT', (array['MALE', 'FEMALE'])[1 + i %% 2], received, 'bench'
                  from (%s) n
                """.formatted(numbers), low, high);
        batch("""
                insert into case_abuse_subtype (case_id, abuse_form, subtype)
                select md5('case' || i)::uuid, 'SEXUAL_ABUSE',
                       (array['RAPE', 'FORCED_SEX', 'UNDERAGE_INTERCOURSE', 'MOLESTATION'])[1 + i %% 4]
                  from (%s) n where i %% 9 = 0 or i %% 6 = 2
                """.formatted(numbers), low, high);
        batch("""
                insert into case_special_circumstance (case_id, circumstance)
                select md5('case' || i)::uuid, (array['ORPHANED', 'ABANDONED', 'WITHOUT_SUPPORT', 'HIV_AIDS',
                       'IN_CONFLICT_WITH_LAW', 'DRUG_ADDICTED', 'WORKING_SCHOOL_DROPOUT', 'SERIOUSLY_HARMED_BY_VIOLENCE',
                       'EXPLOITED', 'SEXUALLY_ABUSED', 'TRAFFICKED', 'SERIOUS_ILLNESS_POOR_HOUSEHOLD',
                       'UNACCOMPANIED_MIGRANT'])[1 + i %% 13]
                  from (%s) n where i %% 5 = 1
                union all
                select md5('case' || i)::uuid, 'SERIOUSLY_HARMED_BY_VIOLENCE' from (%s) n where i %% 25 = 1 and i %% 13 <> 7
                """.formatted(numbers, numbers), low, high);
        batch("""
                insert into plan_measure (id, case_id, plan_cycle, measure_type, responsible_role, description,
                                          start_date, end_date, status, actual_cost)
                select md5('measure' || i || m)::uuid, md5('case' || i)::uuid, 1,
                       (array['medical_care', 'psychological_therapy'])[m], 'health', 'Biện pháp', cast(received as date),
                       cast(received as date) + 30, case when m = 1 then 'DONE' else 'ACTIVE' end, 500000 * m
                  from (%s) n, generate_series(1, 2) as m where i %% 3 = 0
                """.formatted(numbers), low, high);
    }

    private void batch(String sql, int low, int high) {
        jdbc.sql(sql).param("low", low).param("high", high).param("cases", CASES)
                .param("children", Math.max(1, CASES * 9L / 10)).update();
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
