package vn.trean.bench;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.trean.casefile.CaseSearch;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;

/**
 * The case list's search (issue 11 item 1) with {@code bench.cases} cases on record (default 1,000,000), all of Hà
 * Nội (126 communes, about 7,900 each), received over five years, a fifth open, names drawn like real Vietnamese
 * names (four in ten children are "Nguyễn"; one given name in about 2,000 is rare).
 *
 * <p>Seeds with SQL ({@code generate_series}, the triggers of V32 and V37 off, their tables built in bulk after),
 * then times {@link CaseSearch#search} (the service call plus its JSON: "on the server") and {@code POST
 * /api/cases/search} over HTTP (HTTP Basic, one BCrypt check a call) for the Ba Đình officer and the province
 * supervisor: the first page unfiltered, a common name, a rare name, a case number, filters, and a later page. Each
 * figure is the median and the 95th percentile of {@code bench.requests} calls after a few warm-up calls. The plans
 * of the slowest kinds are written too ({@code explain (analyze, buffers)}). Not a test: nothing is asserted.
 * Figures go to the console and to {@code target/bench/case-search.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"trean.db.pool-size=4", "logging.level.root=WARN"})
@ActiveProfiles("test")
class CaseSearchBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 40);
    private static final int WARM_UP = 5;
    private static final int BATCH = 200_000;
    private static final String BENCH_AGENCY_OF = "bench-search";
    private static final List<String> TRIGGERS = List.of("case_file:statistics_case_opened",
            "child:statistics_child", "report:statistics_report", "step_record:statistics_step",
            "child:child_name_words", "step_record:case_activity_step", "report:case_activity_report");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseSearch search;
    @Autowired
    UserDirectory users;
    @Autowired
    ApplicationContext context;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> lines = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();

    @Test
    void searchingAMillionCases() throws Exception {
        CurrentUser officer = users.find("officer").orElseThrow();
        CurrentUser supervisor = users.find("supervisor").orElseThrow();
        long seeding = timed(() -> seed(officer.agencyId()));
        long vacuum = timed(() -> jdbc.sql("vacuum analyze").update());
        int inCommune = jdbc.sql("select count(*) from case_file where commune_code = :c").param("c", officer.localityCode())
                .query(Integer.class).single();
        String numberInCommune = jdbc.sql("select case_number from case_file where commune_code = :c and created_by = :b "
                        + "order by case_number limit 1 offset 100").param("c", officer.localityCode())
                .param("b", BENCH_AGENCY_OF).query(String.class).single();
        lines.add("%,d cases (%,d in the officer's commune %s) seeded with SQL in %d s, `vacuum analyze` %d s; %s of cases, "
                .formatted(CASES, inCommune, officer.localityCode(), seeding / 1000, vacuum / 1000,
                        size("case_file")) + "%s of name words (`child_name_word`, %,d rows)."
                .formatted(size("child_name_word"),
                        jdbc.sql("select count(*) from child_name_word").query(Long.class).single()));
        lines.add("PostgreSQL " + jdbc.sql("select current_setting('server_version') || ', work_mem ' || "
                + "current_setting('work_mem') || ', shared_buffers ' || current_setting('shared_buffers')")
                .query(String.class).single() + "; " + REQUESTS + " calls per figure after " + WARM_UP + " warm-up calls.");
        lines.add("");
        lines.add("| who | search | matches (count) | rows | server median ms | server p95 ms | HTTP median ms | HTTP p95 ms |");
        lines.add("|---|---|---|---|---|---|---|---|");
        Map<String, CaseSearch.Criteria> kinds = new LinkedHashMap<>();
        kinds.put("no criteria (first page)", CaseSearch.Criteria.ALL);
        kinds.put("name \"nguyen van\" (common)", new CaseSearch.Criteria(null, "nguyen van", null, null, null, null, false));
        kinds.put("name \"nguyen thi xuy\" (rare, word starts)",
                new CaseSearch.Criteria(null, "nguyen thi xuy", null, null, null, null, false));
        kinds.put("name \"xuyến\" (rare)", new CaseSearch.Criteria(null, "xuyến", null, null, null, null, false));
        kinds.put("case number " + numberInCommune,
                new CaseSearch.Criteria(numberInCommune, null, null, null, null, null, false));
        kinds.put("open + emergency + abused", new CaseSearch.Criteria(null, null, null, CaseSearch.Status.OPEN,
                vn.trean.casefile.NewCase.CaseCategory.ABUSED, true, false));
        kinds.put("closed + name \"tran\"", new CaseSearch.Criteria(null, "tran", null, CaseSearch.Status.CLOSED, null,
                null, false));
        kinds.put("commune " + officer.localityCode() + " + name \"le\"",
                new CaseSearch.Criteria(null, "le", officer.localityCode(), null, null, null, false));
        for (CurrentUser user : List.of(officer, supervisor)) {
            for (var kind : kinds.entrySet()) {
                measure(user, kind.getKey(), kind.getValue(), 0);
            }
            measure(user, "no criteria, page 21 (rows 501–525)", CaseSearch.Criteria.ALL, 20);
            measure(user, "name \"nguyen\", page 39 (rows 951–975)",
                    new CaseSearch.Criteria(null, "nguyen", null, null, null, null, false), 38);
            explain(user, "name \"nguyen van\"", kinds.get("name \"nguyen van\" (common)"), 0);
            explain(user, "name \"xuyến\"", kinds.get("name \"xuyến\" (rare)"), 0);
            explain(user, "no criteria, page 21", CaseSearch.Criteria.ALL, 20);
        }
        String report = "# Case search benchmark\n\n" + String.join("\n", lines) + "\n\n## Plans\n\n"
                + String.join("\n", plans) + "\n";
        System.out.println(report);
        Path out = Path.of("target", "bench", "case-search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void measure(CurrentUser user, String name, CaseSearch.Criteria criteria, int page) throws Exception {
        long[] server = new long[REQUESTS];
        CaseSearch.CaseList[] last = new CaseSearch.CaseList[1];
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            long start = System.nanoTime();
            last[0] = search.search(criteria, page, 25, user);
            json.writeValueAsBytes(last[0]);
            if (i >= 0) {
                server[i] = (System.nanoTime() - start) / 1_000;
            }
        }
        long[] overHttp = new long[REQUESTS];
        String body = json.writeValueAsString(requestOf(criteria, page));
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/cases/search"))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user.username() + ":TreAn@2026").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                overHttp[i] = (System.nanoTime() - start) / 1_000;
            }
        }
        Arrays.sort(server);
        Arrays.sort(overHttp);
        lines.add(String.format(Locale.ROOT, "| %s | %s | %s%,d | %d | %.1f | %.1f | %.1f | %.1f |", user.username(), name,
                last[0].totalIsAtLeast() ? "≥ " : "", last[0].total(), last[0].rows().size(), median(server) / 1000.0,
                p95(server) / 1000.0, median(overHttp) / 1000.0, p95(overHttp) / 1000.0));
    }

    private static Map<String, Object> requestOf(CaseSearch.Criteria criteria, int page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNumber", criteria.caseNumber());
        body.put("childName", criteria.childName());
        body.put("communeCode", criteria.communeCode());
        body.put("status", criteria.status());
        body.put("category", criteria.category());
        body.put("emergency", criteria.emergency());
        body.put("mine", criteria.mine());
        body.put("page", page);
        body.put("size", 25);
        return body;
    }

    /** The plans of the statements the search runs, as the service builds them (its package-private builders). */
    private void explain(CurrentUser user, String name, CaseSearch.Criteria criteria, int page) throws Exception {
        Object service = org.springframework.aop.framework.AopProxyUtils.getSingletonTarget(search);
        Object target = service == null ? search : service;
        Method count = target.getClass().getDeclaredMethod("countStatement", CaseSearch.Criteria.class, CurrentUser.class);
        Method list = target.getClass().getDeclaredMethod("pageStatement", CaseSearch.Criteria.class, int.class,
                int.class, CurrentUser.class);
        count.setAccessible(true);
        list.setAccessible(true);
        Map<String, Object> statements = new LinkedHashMap<>();
        statements.put("count", count.invoke(target, criteria, user));
        statements.put("page " + (page + 1), list.invoke(target, criteria, page, 25, user));
        for (var entry : statements.entrySet()) {
            Object statement = entry.getValue();
            Method sql = statement.getClass().getDeclaredMethod("sql");
            Method parameters = statement.getClass().getDeclaredMethod("parameters");
            sql.setAccessible(true);
            parameters.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) parameters.invoke(statement);
            List<String> plan = jdbc.sql("explain (analyze, buffers, costs off) " + sql.invoke(statement))
                    .params(values).query(String.class).list();
            plans.add("### " + user.username() + ": " + name + ", " + entry.getKey() + "\n\n```\n"
                    + String.join("\n", plan) + "\n```\n");
        }
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static long p95(long[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
    }

    private String size(String table) {
        return jdbc.sql("select pg_size_pretty(pg_total_relation_size(cast(:t as regclass)))").param("t", table)
                .query(String.class).single();
    }

    /**
     * Cases in batches, with their child, opening report and a verification step; the officer's agency and the
     * hotline are given the cases as routing would give them (case_access). Last activity and name words are
     * written in bulk, as V37's triggers would have written them one by one.
     */
    private void seed(String officerAgency) {
        triggers(false);
        String numbers = """
                select i, now() - ((:cases - i)::float8 / :cases) * interval '5 years' as received
                  from generate_series(:low, :high) as i""";
        String communes = """
                (select array_agg(code order by code) as codes, count(*) as n from locality
                  where list = 'V2025' and level = 'COMMUNE' and province_code = '01') l""";
        for (int low = 1; low <= CASES; low += BATCH) {
            int high = Math.min(CASES, low + BATCH - 1);
            batch("""
                    insert into case_file (id, case_number, commune_code, province_code, category, status, emergency,
                                           received_at, created_at, created_by, closed_at, closing_outcome,
                                           last_activity_at)
                    select md5('case' || i)::uuid, l.codes[1 + ((i::bigint * 7919) %% l.n)::int] || '-S-' || lpad(i::text, 7, '0'), l.codes[1 + ((i::bigint * 7919) %% l.n)::int], '01',
                           (array['ABUSED', 'ABUSED', 'AT_RISK', 'SPECIAL_CIRCUMSTANCES'])[1 + i %% 4],
                           case when closed then 'CLOSED' else 'OPEN' end, i %% 17 = 0, received, received, :bench,
                           case when closed then received + interval '60 days' end,
                           case when closed then 'CASE_HANDLED' end,
                           case when closed then received + interval '60 days' else received + (i %% 30) * interval '1 hour' end
                      from (select *, i %% 5 <> 0 as closed from (%s) n) g, %s
                    """.formatted(numbers, communes), low, high);
            // family names as often as in Việt Nam (Nguyễn about 4 in 10); a rare given name one case in 2,000
            batch("""
                    insert into child (id, case_id, full_name, name_normalized, date_of_birth, estimated_age, sex)
                    select md5('child' || i)::uuid, md5('case' || i)::uuid,
                           f.shown[1 + (i * 31) %% 40] || ' ' || m.shown[1 + (i * 17) %% 8] || ' '
                               || case when i %% 2000 = 0 then 'Xuyến' else g.shown[1 + (i * 13) %% 20] end,
                           f.folded[1 + (i * 31) %% 40] || ' ' || m.folded[1 + (i * 17) %% 8] || ' '
                               || case when i %% 2000 = 0 then 'xuyen' else g.folded[1 + (i * 13) %% 20] end,
                           date '2010-01-01' + (i %% 5000)::int, null, (array['MALE', 'FEMALE'])[1 + i %% 2]
                      from (%s) n,
                           (select array_fill('Nguyễn'::text, array[16]) || array['Trần','Trần','Trần','Trần','Lê','Lê',
                                   'Lê','Phạm','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô',
                                   'Dương','Lý','Đinh','Trương','Mai'] as shown,
                                   array_fill('nguyen'::text, array[16]) || array['tran','tran','tran','tran','le','le',
                                   'le','pham','pham','hoang','huynh','phan','vu','vo','dang','bui','do','ho','ngo',
                                   'duong','ly','dinh','truong','mai'] as folded) f,
                           (select array['Văn','Thị','Minh','Ngọc','Thu','Hữu','Đức','Thanh'] as shown,
                                   array['van','thi','minh','ngoc','thu','huu','duc','thanh'] as folded) m,
                           (select array['An','Bình','Châu','Dũng','Giang','Hà','Hải','Hạnh','Hoà','Hùng','Huy','Khánh',
                                         'Lan','Linh','Long','Mai','Nam','Phúc','Tâm','Yến'] as shown,
                                   array['an','binh','chau','dung','giang','ha','hai','hanh','hoa','hung','huy','khanh',
                                         'lan','linh','long','mai','nam','phuc','tam','yen'] as folded) g
                    """.formatted(numbers), low, high);
            batch("""
                    insert into report (id, case_id, receiving_agency_id, receiving_officer, channel, place,
                                        current_condition, abuse_forms, received_at, linked)
                    select md5('report' || i)::uuid, md5('case' || i)::uuid, 'hotline-111', 'bench', 'PHONE', 'Tổ dân phố',
                           'Tình trạng', array['VIOLENCE'], received, false
                      from (%s) n
                    """.formatted(numbers), low, high);
        }
        jdbc.sql("""
                insert into case_access (case_id, agency_id, granted_at, last_activity_at)
                select id, 'hotline-111', received_at, last_activity_at from case_file where created_by = :bench
                union all
                select c.id, a.id, c.received_at, c.last_activity_at from case_file c join agency a
                    on a.id = :officerAgency and c.commune_code = :commune
                 where c.created_by = :bench""")
                .param("bench", BENCH_AGENCY_OF).param("officerAgency", officerAgency)
                .param("commune", users.find("officer").orElseThrow().localityCode()).update();
        jdbc.sql("""
                insert into child_name_word (word, case_id)
                select distinct w, ch.case_id from child ch join case_file c on c.id = ch.case_id,
                       unnest(string_to_array(ch.name_normalized, ' ')) w
                 where c.created_by = :bench and w <> ''""").param("bench", BENCH_AGENCY_OF).update();
        triggers(true);
    }

    private void batch(String sql, int low, int high) {
        jdbc.sql(sql).param("low", low).param("high", high).param("cases", CASES).param("bench", BENCH_AGENCY_OF)
                .update();
    }

    private void triggers(boolean enabled) {
        for (String trigger : TRIGGERS) {
            String[] parts = trigger.split(":");
            jdbc.sql("alter table " + parts[0] + (enabled ? " enable" : " disable") + " trigger " + parts[1]).update();
        }
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
