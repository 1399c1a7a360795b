package vn.trean.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.trean.casefile.NewCase;
import vn.trean.identity.UserDirectory;
import vn.trean.oversight.Board;
import vn.trean.tasks.TaskFilter;
import vn.trean.tasks.TaskPage;
import vn.trean.tasks.TaskSort;
import vn.trean.tasks.TaskWork;
import vn.trean.intake.FileReportRequest;
import vn.trean.intake.Intake;

/**
 * Server time of "My tasks" and of the overdue board with many open cases in PostgreSQL.
 *
 * <p>Seeds {@code bench.cases} open cases (default 10,000) through the real intake path — case rows,
 * process instances, routed tasks and work-list rows — spread over the three demo communes with times
 * of receipt over the last 24 hours (about half of them past their 12-hour deadline). Then times
 * {@code bench.requests} HTTP calls of each page's API over loopback after a warm-up and reports the
 * median and the 95th percentile. Figures go to the console and to {@code target/bench/results.md}.
 * Not a test: nothing is asserted about speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the board's counts per step kept as in production (the tests count them every time)
        properties = {"trean.db.pool-size=12", "logging.level.root=WARN", "trean.board.step-counts-kept-for=30s"})
@ActiveProfiles("test")
class WorkListBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 10_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    private static final int WARM_UP = 30;
    /** Open tasks of the Ba Đình officer added with SQL after the intake seed (issue 11 item 8): 0 for none. */
    private static final int OFFICER_TASKS = Integer.getInteger("bench.officer-tasks", 33_000);
    /** Closed cases added with SQL, so that the lists are measured with that many cases on record: 0 for none. */
    private static final int CLOSED_CASES = Integer.getInteger("bench.closed-cases", 0);
    private static final List<String> COMMUNES = List.of("00004", "00008", "00025");

    @LocalServerPort
    int port;
    @Autowired
    Intake intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskWork work;
    @Autowired
    Board board;
    @Autowired
    UserDirectory users;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void myTasksAndTheOverdueBoardWithManyOpenCases() throws Exception {
        Instant seedStart = Instant.now();
        seed(CASES);
        Duration seeding = Duration.between(seedStart, Instant.now());
        Instant bulkStart = Instant.now();
        seedOfficerTasks(OFFICER_TASKS);
        seedClosedCases(CLOSED_CASES);
        Duration bulkSeeding = Duration.between(bulkStart, Instant.now());
        jdbc.sql("analyze").update();

        int openTasks = jdbc.sql("select count(*) from work_item").query(Integer.class).single();
        int officerTasks = jdbc.sql("select count(*) from work_item where agencies @> array['child-protection-00004']")
                .query(Integer.class).single();

        var results = new ArrayList<String>();
        results.add("| what | calls | median ms | p95 ms | rows | bytes |");
        results.add("|---|---|---|---|---|---|");
        results.add(measure("My tasks (officer, Ba Đình)", "officer", () -> work.myTasks(TaskFilter.ALL, 0, TaskPage.MAX_SIZE).rows()));
        results.add(measure("My tasks, overdue only", "officer", () -> work.myTasks(new TaskFilter(true, false, false, null, null), 0, TaskPage.MAX_SIZE).rows()));
        results.add(measure("Overdue board (province supervisor)", "supervisor",
                () -> board.board(users.requireCurrent(), Board.Sort.DUE)));
        results.add(measure("Overdue board (commune chairman)", "chairman",
                () -> board.board(users.requireCurrent(), Board.Sort.DUE)));
        results.add(measureHttp("My tasks over HTTP (officer)", "officer", "/api/tasks"));
        results.add(measureHttp("Overdue board over HTTP (supervisor)", "supervisor", "/api/board"));
        // issue 11 item 8: the paged list with its cards, its counts, another order and a deep page
        long lastPage = Math.max(0, (officerTasks - 1) / TaskPage.MAX_SIZE);
        results.add(measure("My tasks, a page of 50 cards with its counts", "officer",
                () -> work.myTasks(TaskFilter.ALL, TaskSort.DUE, 0, TaskPage.MAX_SIZE).rows()));
        results.add(measure("My tasks, newest first", "officer",
                () -> work.myTasks(TaskFilter.ALL, TaskSort.NEWEST, 0, TaskPage.MAX_SIZE).rows()));
        results.add(measure("My tasks, the last page (" + (lastPage + 1) + ")", "officer",
                () -> work.myTasks(TaskFilter.ALL, TaskSort.DUE, (int) lastPage, TaskPage.MAX_SIZE).rows()));
        // the page as a browser asks for it: in the session it signed in to (HTTP Basic would start a session,
        // written to the session table, on every call)
        HttpClient officer = signedIn("officer");
        results.add(measurePageInSession("My tasks, the page (HTML)", officer, "/tasks"));
        results.add(measurePageInSession("My tasks, the page (HTML), overdue only", officer, "/tasks?overdue=true"));
        results.add(measurePageInSession("My tasks, the page (HTML), the last page", officer,
                "/tasks?page=" + (officerTasks - 1) / 25));
        results.add(measurePageInSession("My tasks, the page (HTML), no task (the page's frame)", officer,
                "/tasks?caseId=" + new java.util.UUID(0, 0)));
        results.add(measurePageInSession("My tasks, the API in the page's session", officer, "/api/tasks"));

        String report = String.join("\n", List.of(
                "# Work-list benchmark, " + Instant.now(),
                "",
                ("%d open cases seeded through the intake path in %d s (%.0f cases/s), %d more open cases of Ba Đình "
                        + "with one task each for its officer with SQL in %d s; %d open tasks, %d of them routed to the "
                        + "Ba Đình officer; %d cases on record.")
                        .formatted(CASES, seeding.toSeconds(), CASES / Math.max(1.0, seeding.toMillis() / 1000.0),
                                OFFICER_TASKS, bulkSeeding.toSeconds(), openTasks, officerTasks,
                                jdbc.sql("select count(*) from case_file").query(Long.class).single()),
                ("Server time: the page's service call plus its JSON serialisation, in the app's JVM, %d times after %d "
                        + "warm-up calls, one at a time. Over HTTP: the same API on loopback with HTTP Basic, which adds a "
                        + "BCrypt check per call (a browser session does not).").formatted(REQUESTS, WARM_UP),
                "",
                String.join("\n", results), ""));
        System.out.println(report);
        Path out = Path.of("target", "bench", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void seed(int cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> work = new ArrayList<>();
        int perThread = cases / 2;
        for (int t = 0; t < 2; t++) {
            int count = t == 0 ? perThread : cases - perThread;
            work.add(pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated("hotline", null, List.of()));
                for (int i = 0; i < count; i++) {
                    intake.file(report(i));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * Open cases of Ba Đình written with SQL as the app writes them (case, child, the open task's work-list row; for
     * every other case a completed verification with its risk level), received over the last two days so that about
     * three in four are past their 12-hour deadline: a commune officer with a very long list, without waiting for
     * the intake path.
     */
    private void seedOfficerTasks(int tasks) {
        if (tasks <= 0) {
            return;
        }
        String province = jdbc.sql("select province_code from locality where list = 'V2025' and code = '00004'")
                .query(String.class).single();
        // in batches: the statistics triggers of each case row take locks until the statement's transaction ends
        for (int low = 1; low <= tasks; low += 2_000) {
            seedOfficerTasks(province, low, Math.min(tasks, low + 1_999));
        }
    }

    private void seedOfficerTasks(String province, int low, int high) {
        String numbers = """
                select i, now() - (i %% 2880) * interval '1 minute' as received
                  from generate_series(%d, %d) as i""".formatted(low, high);
        jdbc.sql("""
                insert into case_file (id, case_number, commune_code, province_code, category, status, emergency,
                                       received_at, created_at, created_by)
                select md5('tasks' || i)::uuid, 'TASKS-' || i, '00004', :province,
                       (array['ABUSED', 'AT_RISK', 'SPECIAL_CIRCUMSTANCES'])[1 + i %% 3], 'OPEN', i %% 20 = 0,
                       received, received, 'bench'
                  from (%s) n""".formatted(numbers)).param("province", province).update();
        jdbc.sql("""
                insert into child (id, case_id, full_name, name_normalized, estimated_age, sex)
                select md5('tasks-child' || i)::uuid, md5('tasks' || i)::uuid, 'Trẻ thử nghiệm ' || i,
                       'tre thu nghiem ' || i, 3 + i %% 14, 'UNKNOWN'
                  from generate_series(%d, %d) as i""".formatted(low, high)).update();
        jdbc.sql("""
                insert into step_record (case_id, step_key, task_id, agency_id, opened_at, due_at, completed_at,
                                         completed_by, data)
                select md5('tasks' || i)::uuid, 'verify_report', 'tasks-verify-' || i, 'child-protection-00004',
                       received, received + interval '12 hours', received + interval '2 hours', 'officer',
                       jsonb_build_object('riskLevel', (array['high', 'medium', 'low'])[1 + i %% 3])
                  from (%s) n where i %% 2 = 0""".formatted(numbers)).update();
        jdbc.sql("""
                insert into work_item (task_id, case_id, case_number, commune_code, province_code, step_key, step_name,
                                       agencies, created_at, due_at, window_ends_at, emergency)
                select 'tasks-' || i, md5('tasks' || i)::uuid, 'TASKS-' || i, '00004', :province,
                       case when i %% 2 = 0 then 'assess_needs' else 'verify_report' end,
                       case when i %% 2 = 0 then 'Đánh giá nguy cơ cụ thể, xác định nhu cầu'
                            else 'Xác minh, đánh giá nguy cơ ban đầu' end,
                       array['child-protection-00004'], received,
                       case when i %% 2 = 0 then received + interval '7 days' else received + interval '12 hours' end,
                       case when i %% 2 = 0 then null else received + interval '12 hours' end, i %% 20 = 0
                  from (%s) n""".formatted(numbers)).param("province", province).update();
    }

    /** Closed cases of the three communes (case and child), with the statistics triggers off while they are written. */
    private void seedClosedCases(int cases) {
        if (cases <= 0) {
            return;
        }
        jdbc.sql("alter table case_file disable trigger user").update();
        jdbc.sql("alter table child disable trigger user").update();
        try {
            for (int low = 1; low <= cases; low += 200_000) {
                int high = Math.min(cases, low + 199_999);
                jdbc.sql("""
                        insert into case_file (id, case_number, commune_code, province_code, category, status, emergency,
                                               received_at, created_at, created_by, closed_at, last_activity_at)
                        select md5('closed' || i)::uuid, 'CLOSED-' || i, (array['00004', '00008', '00025'])[1 + i % 3],
                               l.province_code, 'ABUSED', 'CLOSED', false, now() - interval '400 days',
                               now() - interval '400 days', 'bench', now() - interval '300 days',
                               now() - interval '300 days'
                          from generate_series(:low, :high) as i,
                               (select province_code from locality where list = 'V2025' and code = '00004') l""")
                        .param("low", low).param("high", high).update();
                jdbc.sql("""
                        insert into child (id, case_id, full_name, name_normalized, estimated_age, sex)
                        select md5('closed-child' || i)::uuid, md5('closed' || i)::uuid, 'Trẻ ' || i, 'tre ' || i,
                               i % 16, 'UNKNOWN'
                          from generate_series(:low, :high) as i""").param("low", low).param("high", high).update();
            }
        } finally {
            jdbc.sql("alter table case_file enable trigger user").update();
            jdbc.sql("alter table child enable trigger user").update();
        }
    }

    private static FileReportRequest report(int i) {
        var random = ThreadLocalRandom.current();
        var receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(random.nextInt(24 * 60));
        return new FileReportRequest(COMMUNES.get(i % COMMUNES.size()), receivedAt, "PHONE", NewCase.CaseCategory.AT_RISK,
                List.of("VIOLENCE"),
                new FileReportRequest.ChildRequest("Trẻ thử nghiệm " + i, null, 5 + random.nextInt(10), NewCase.Sex.UNKNOWN),
                "Địa điểm " + i, "Tình trạng " + i, null, null, null, null, null, null, null);
    }

    private String measure(String label, String user, java.util.function.Supplier<Object> page) throws IOException {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        for (int i = 0; i < WARM_UP; i++) {
            json.writeValueAsBytes(page.get());
        }
        long[] nanos = new long[REQUESTS];
        int rows = 0;
        int bytes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            Object result = page.get();
            byte[] body = json.writeValueAsBytes(result);
            nanos[i] = System.nanoTime() - start;
            rows = countRows(new String(body, StandardCharsets.UTF_8));
            bytes = body.length;
        }
        SecurityContextHolder.clearContext();
        return row(label, nanos, rows, bytes);
    }

    private String measureHttp(String label, String user, String path) throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            call(user, path);
        }
        long[] nanos = new long[REQUESTS];
        int rows = 0;
        long bytes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = call(user, path);
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            rows = path.startsWith("/api/") ? countRows(response.body()) : countCards(response.body());
            bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        }
        return row(label + " `" + path + "`", nanos, rows, bytes);
    }

    private String measurePageInSession(String label, HttpClient session, String path)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build();
        for (int i = 0; i < WARM_UP; i++) {
            session.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] nanos = new long[REQUESTS];
        String body = "";
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = session.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            body = response.body();
        }
        int rows = path.startsWith("/api/") ? countRows(body) : countCards(body);
        return row(label + " `" + path + "` (session)", nanos, rows, body.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String row(String label, long[] nanos, int rows, long bytes) {
        java.util.Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d | %,d |", label, nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6, rows, bytes);
    }

    /** The task cards of a "My tasks" page. */
    private static int countCards(String html) {
        return html.split("<li class=\"task", -1).length - 1;
    }

    private HttpResponse<String> call(String user, String path) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString((user + ":TreAn@2026").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).header("Accept", path.startsWith("/api/") ? "application/json"
                        : "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Rows in a list, or in the board's overdue list. */
    private static int countRows(String json) {
        String body = json.startsWith("{") ? json.substring(json.indexOf("\"overdue\":")) : json;
        int depth = 0;
        int rows = 0;
        for (int i = body.indexOf('['); i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' || c == '{') {
                depth++;
                if (c == '{' && depth == 2) {
                    rows++;
                }
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
        }
        return rows;
    }

    // --- the province's overdue board, paged, at 100,000 open cases and 1,000,000 on record (issue 11 item 8) ---

    private static final int BOARD_OPEN = Integer.getInteger("bench.board.open", 100_000);
    private static final int BOARD_RECORD = Integer.getInteger("bench.board.record", 1_000_000);
    private static final int BOARD_BATCH = 100_000;
    private static final List<String> STATISTICS_TRIGGERS = List.of("case_file:statistics_case_opened",
            "case_file:statistics_case_updated");

    /**
     * Seeds {@code bench.board.record} cases of Hà Nội with SQL, {@code bench.board.open} of them open with their
     * open tasks (about half past their deadline, some inside a running 12-hour window, one case in 23 an emergency),
     * then times the province supervisor's {@code /board} and {@code /api/board} (first page, a filtered page, a far
     * page, each order) and the commune chairman's, over HTTP on loopback with a signed-in session (as a browser:
     * no password check per call): bytes of the answer (and gzipped), median and 95th percentile. Writes the plans
     * of the board's queries ({@code EXPLAIN ANALYZE}) beside the figures, to {@code target/bench/board.md}.
     * Run alone: {@code -Dtest=WorkListBenchmark#theProvinceBoardPagedAtScale}.
     */
    @Test
    void theProvinceBoardPagedAtScale() throws Exception {
        Instant seedStart = Instant.now();
        seedBoard();
        long seeding = Duration.between(seedStart, Instant.now()).toSeconds();
        jdbc.sql("vacuum analyze work_item").update();
        jdbc.sql("analyze case_file").update();
        long onRecord = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        long open = jdbc.sql("select count(distinct case_id) from work_item where province_code = '01'").query(Long.class).single();
        long tasks = jdbc.sql("select count(*) from work_item where province_code = '01'").query(Long.class).single();
        long overdue = jdbc.sql("select count(*) from work_item where province_code = '01' and due_at < now()")
                .query(Long.class).single();

        var results = new ArrayList<String>();
        results.add("| what | calls | median ms | p95 ms | bytes | gzip bytes |");
        results.add("|---|---|---|---|---|---|");
        HttpClient supervisor = signedIn("supervisor");
        HttpClient chairman = signedIn("chairman");
        // the JIT and the caches warm on every kind of call first, and autovacuum catches up with the seeding
        for (String path : List.of("/board", "/api/board", "/api/board?sort=STEP", "/board?commune=00004")) {
            measurePage("supervisor", supervisor, path);
        }
        measurePage("chairman", chairman, "/board");
        for (String path : List.of("/board", "/api/board", "/api/board?page=500", "/api/board?sort=LATE",
                "/api/board?sort=CASE", "/api/board?sort=STEP&page=20", "/api/board?sort=COMMUNE",
                "/api/board?commune=00004", "/api/board?step=draft_plan&emergency=true",
                "/api/board?agency=child-protection-00004", "/board?sort=COMMUNE&page=3&commune=00004")) {
            results.add(measurePage("supervisor", supervisor, path));
        }
        results.add(measurePage("chairman", chairman, "/board"));
        results.add(measurePage("chairman", chairman, "/api/board?sort=STEP"));

        String report = String.join("\n", List.of(
                "# The overdue board at scale, " + Instant.now(), "",
                ("%d cases on record (seeded with SQL in %d s), %d open in the province with %d open tasks, %d of them "
                        + "overdue.").formatted(onRecord, seeding, open, tasks, overdue), "",
                ("Over HTTP on loopback with a signed-in session, %d calls each after %d warm-up calls, one at a time; "
                        + "bytes: the answer's body as sent without and with gzip.").formatted(REQUESTS, WARM_UP), "",
                String.join("\n", results), "", "## Query plans", "", boardPlans(), ""));
        System.out.println(report);
        Path out = Path.of("target", "bench", "board.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void seedBoard() {
        for (String trigger : STATISTICS_TRIGGERS) {
            String[] parts = trigger.split(":");
            jdbc.sql("alter table " + parts[0] + " disable trigger " + parts[1]).update();
        }
        String communes = """
                (select array_agg(code order by code) as codes, count(*) as n from locality
                  where list = 'V2025' and level = 'COMMUNE' and province_code = '01') l""";
        // the history: closed cases received over five years
        for (int low = 1; low <= BOARD_RECORD - BOARD_OPEN; low += BOARD_BATCH) {
            int high = Math.min(BOARD_RECORD - BOARD_OPEN, low + BOARD_BATCH - 1);
            jdbc.sql("""
                    insert into case_file (id, case_number, commune_code, province_code, category, status, emergency,
                                           received_at, created_at, created_by, closed_at, closing_outcome)
                    select md5('board-closed' || i)::uuid, 'BOARD-H-' || i, l.codes[1 + i %% l.n], '01', 'AT_RISK', 'CLOSED',
                           false, now() - interval '5 years' * (i::float8 / :n), now() - interval '5 years' * (i::float8 / :n),
                           'bench', now() - interval '5 years' * (i::float8 / :n) + interval '60 days', 'CASE_HANDLED'
                      from generate_series(:low, :high) i, %s""".formatted(communes))
                    .param("low", low).param("high", high).param("n", BOARD_RECORD).update();
        }
        // the open cases, received over the last 60 days, and their open tasks: one each, a second for one in five
        for (int low = 1; low <= BOARD_OPEN; low += BOARD_BATCH) {
            int high = Math.min(BOARD_OPEN, low + BOARD_BATCH - 1);
            jdbc.sql("""
                    insert into case_file (id, case_number, commune_code, province_code, category, status, emergency,
                                           received_at, created_at, created_by)
                    select md5('board-open' || i)::uuid, 'BOARD-' || lpad(i::text, 7, '0'), l.codes[1 + i %% l.n], '01',
                           'ABUSED', 'OPEN', i %% 23 = 0, now() - interval '60 days' * (i::float8 / :n),
                           now() - interval '60 days' * (i::float8 / :n), 'bench'
                      from generate_series(:low, :high) i, %s""".formatted(communes))
                    .param("low", low).param("high", high).param("n", BOARD_OPEN).update();
            jdbc.sql("""
                    insert into work_item (task_id, case_id, case_number, commune_code, province_code, step_key, step_name,
                                           agencies, created_at, due_at, window_ends_at, emergency)
                    select 'board-' || i || '-' || t, c.id, c.case_number, c.commune_code, '01', s.key, s.key,
                           array['child-protection-' || c.commune_code], c.received_at,
                           -- every other task past its deadline, by up to 30 days; the others due within 30 days
                           case when (i + t) % 2 = 0 then now() - interval '30 days' * ((i::bigint * 7919 % 1000) / 1000.0)
                                else now() + interval '30 days' * ((i::bigint * 7919 % 1000) / 1000.0) end,
                           case when c.received_at > now() - interval '12 hours' then c.received_at + interval '12 hours' end,
                           c.emergency
                      from generate_series(:low, :high) i
                      join case_file c on c.id = md5('board-open' || i)::uuid
                      cross join generate_series(1, case when i % 5 = 0 then 2 else 1 end) t
                      cross join lateral (select (array['verify_report', 'assess_needs', 'hold_case_meeting', 'draft_plan',
                                                        'approve_plan', 'implement_measure', 'review_case',
                                                        'emergency_intervention'])[1 + (i + t) % 8] as key) s""")
                    .param("low", low).param("high", high).update();
        }
        for (String trigger : STATISTICS_TRIGGERS) {
            String[] parts = trigger.split(":");
            jdbc.sql("alter table " + parts[0] + " enable trigger " + parts[1]).update();
        }
    }

    /** A client that signed in through the sign-in form, as a browser does, and keeps its session cookie. */
    private HttpClient signedIn(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        String token = csrf.find() ? csrf.group(1) : "";
        String form = "username=" + user + "&password=" + java.net.URLEncoder.encode("TreAn@2026", StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        var answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " answered " + answer.statusCode());
        }
        return client;
    }

    private String measurePage(String user, HttpClient client, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        for (int i = 0; i < WARM_UP; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        long[] nanos = new long[REQUESTS];
        byte[] body = new byte[0];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            body = response.body();
        }
        var gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(body);
        }
        java.util.Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s `%s` | %d | %.1f | %.1f | %d | %d |", user, path, nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6, body.length,
                gzipped.size());
    }

    /** The plans of the board's queries for the province, as {@code BoardLists} writes them. */
    private String boardPlans() {
        String overdue = "select task_id, case_id, case_number, commune_code, step_key, step_name, agencies, due_at, emergency"
                + " from work_item where province_code = '01' and due_at < now()";
        var queries = new java.util.LinkedHashMap<String, String>();
        queries.put("overdue, first page by deadline", overdue + " order by due_at, task_id limit 50 offset 0");
        queries.put("overdue, page 500 by deadline", overdue + " order by due_at, task_id limit 50 offset 25000");
        queries.put("overdue, by case number", overdue + " order by case_number, due_at, task_id limit 50");
        queries.put("overdue, by step, page 20", overdue + " order by step_key, due_at, task_id limit 50 offset 1000");
        queries.put("overdue, by commune", overdue + " order by commune_code, due_at, task_id limit 50");
        queries.put("overdue, one commune", overdue + " and commune_code = '00004' order by due_at, task_id limit 50");
        queries.put("overdue, count", "select count(*) from work_item where province_code = '01' and due_at < now()");
        queries.put("open cases and tasks per step", "select step_key, sum(tasks), count(*) from (select step_key, case_id,"
                + " count(*) as tasks from work_item where province_code = '01' group by step_key, case_id) s"
                + " group by step_key order by sum(tasks) desc, step_key");
        queries.put("the 12-hour window", "select * from (select distinct on (case_id) case_id, case_number, window_ends_at,"
                + " bool_or(emergency) over (partition by case_id) as emergency from work_item where province_code = '01'"
                + " and window_ends_at > now() order by case_id, window_ends_at, task_id) w"
                + " order by window_ends_at, case_number limit 50");
        queries.put("open emergencies", "select case_id, array_agg(distinct step_key order by step_key) from work_item"
                + " where province_code = '01' and emergency and step_key = any(array['decide_separation',"
                + " 'emergency_intervention', 'health_response', 'police_response']) group by case_id"
                + " order by min(case_number) limit 50");
        StringBuilder plans = new StringBuilder();
        queries.forEach((label, sql) -> {
            plans.append("### ").append(label).append("\n\n```\n");
            jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list()
                    .forEach(line -> plans.append(line).append('\n'));
            plans.append("```\n\n");
        });
        return plans.toString();
    }
}
