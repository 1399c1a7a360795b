package vn.trean.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.trean.oversight.Board.EmergencyRow;
import vn.trean.oversight.Board.OverdueRow;
import vn.trean.oversight.Board.UnstaffedRow;
import vn.trean.oversight.Board.WindowRow;
import vn.trean.tasks.WorkList;
import vn.trean.workflow.CaseProcess;

/**
 * The board's lists, read a page at a time from the open tasks ({@code work_item}, kept by the tasks module): the
 * filters, the order and the page are in the query, and each list's count beside it, so the board weighs the same
 * with fifty overdue steps or fifty thousand. Only the predicates a filter asks for are written into the SQL (never
 * "{@code :x is null or …}"), so that PostgreSQL picks the index that serves the order (V8, V39).
 */
@Repository
class BoardLists {

    private final JdbcClient jdbc;
    private final Duration stepCountsKeptFor;
    /** The open tasks and cases per step of an area, as last counted, and when (System.nanoTime). */
    private final Map<SupervisedArea, StepCounts> stepCounts = new java.util.concurrent.ConcurrentHashMap<>();

    private record StepCounts(long countedAt, List<WorkList.StepCount> counts) {
    }

    BoardLists(JdbcClient jdbc,
               @org.springframework.beans.factory.annotation.Value("${trean.board.step-counts-kept-for:30s}")
               Duration stepCountsKeptFor) {
        this.jdbc = jdbc;
        this.stepCountsKeptFor = stepCountsKeptFor;
    }

    /** The WHERE clause of an area and a filter, with its parameters. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(SupervisedArea area, BoardQuery.Filter filter) {
            StringBuilder sql = new StringBuilder(" where ");
            Map<String, Object> params = new LinkedHashMap<>();
            if (area.isCommune()) {
                sql.append("commune_code = :area");
                params.put("area", area.communeCode());
            } else {
                sql.append("province_code = :area");
                params.put("area", area.provinceCode());
            }
            if (filter.communeCode() != null) {
                sql.append(" and commune_code = :commune");
                params.put("commune", filter.communeCode());
            }
            if (filter.agencyId() != null) {
                sql.append(" and agencies @> array[cast(:agency as text)]");
                params.put("agency", filter.agencyId());
            }
            if (filter.stepKey() != null) {
                sql.append(" and step_key = :step");
                params.put("step", filter.stepKey());
            }
            if (filter.emergency()) {
                sql.append(" and emergency");
            }
            return new Where(sql.toString(), params);
        }

        Where and(String predicate, String name, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(params);
            more.put(name, value);
            return new Where(sql + " and " + predicate, more);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    record Page<T>(List<T> rows, long total) {
    }

    Page<OverdueRow> overdue(SupervisedArea area, BoardQuery query, Instant now) {
        Where where = overdueWhere(area, query.filter(), now);
        List<OverdueRow> rows = overdueRows(where, query.sort(), query.size(), (long) query.page() * query.size(), now);
        return new Page<>(rows, total(rows.size(), query.page(), query.size(), where));
    }

    /** The overdue steps in the board's order, the first {@code limit} of them: for the exports. */
    List<OverdueRow> overdueAll(SupervisedArea area, BoardQuery.Filter filter, Board.Sort sort, Instant now, int limit) {
        return overdueRows(overdueWhere(area, filter, now), sort, limit, 0, now);
    }

    private static Where overdueWhere(SupervisedArea area, BoardQuery.Filter filter, Instant now) {
        return Where.of(area, filter).and("due_at < :now", "now", Timestamp.from(now));
    }

    private List<OverdueRow> overdueRows(Where where, Board.Sort sort, int limit, long offset, Instant now) {
        return where.bind(jdbc.sql("""
                        select task_id, case_id, case_number, commune_code, step_key, step_name, agencies, due_at, emergency
                          from work_item""" + where.sql() + " order by " + order(sort) + " limit :limit offset :offset"))
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> new OverdueRow(rs.getString("task_id"), rs.getObject("case_id", UUID.class),
                        rs.getString("case_number"), rs.getString("commune_code"), rs.getString("step_key"),
                        rs.getString("step_name"), agencies(rs), rs.getTimestamp("due_at").toInstant(),
                        Duration.between(rs.getTimestamp("due_at").toInstant(), now).toSeconds(), rs.getBoolean("emergency")))
                .list();
    }

    private static String order(Board.Sort sort) {
        return switch (sort) {
            // late by most = due the earliest: one index (province or commune, due) serves both
            case DUE, LATE -> "due_at, task_id";
            case CASE -> "case_number, due_at, task_id";
            case STEP -> "step_key, due_at, task_id";
            case COMMUNE -> "commune_code, due_at, task_id";
        };
    }

    /**
     * The cases inside a running 12-hour window, once each (the step whose window ends first), soonest end first.
     * The windows run for 12 hours, so these are the cases of the last half-day, not of the whole record.
     */
    Page<WindowRow> window(SupervisedArea area, BoardQuery query, Instant now) {
        Where where = Where.of(area, query.filter()).and("window_ends_at > :now", "now", Timestamp.from(now));
        // a case is an emergency when any of its open steps is one
        String perCase = "select distinct on (case_id) case_id, case_number, commune_code, step_key, step_name, agencies,"
                + " window_ends_at, bool_or(emergency) over (partition by case_id) as emergency from work_item" + where.sql()
                + " order by case_id, window_ends_at, task_id";
        List<WindowRow> rows = where.bind(jdbc.sql("select * from (" + perCase + ") w"
                        + " order by window_ends_at, case_number limit :limit offset :offset"))
                .param("limit", query.size()).param("offset", (long) query.windowPage() * query.size())
                .query((rs, i) -> {
                    Instant ends = rs.getTimestamp("window_ends_at").toInstant();
                    return new WindowRow(rs.getObject("case_id", UUID.class), rs.getString("case_number"),
                            rs.getString("commune_code"), rs.getString("step_key"), rs.getString("step_name"), ends,
                            Duration.between(now, ends).toSeconds(), agencies(rs), rs.getBoolean("emergency"));
                }).list();
        long total = rows.size() < query.size() && (query.windowPage() == 0 || !rows.isEmpty())
                ? (long) query.windowPage() * query.size() + rows.size()
                : where.bind(jdbc.sql("select count(distinct case_id) from work_item" + where.sql())).query(Long.class).single();
        return new Page<>(rows, total);
    }

    /** The cases of communes without a receiving agency, oldest first, the first {@code limit} of them. */
    Page<UnstaffedRow> unstaffed(SupervisedArea area, int limit) {
        Where where = Where.of(area, BoardQuery.Filter.NONE)
                .and("step_key = :unstaffed", "unstaffed", CaseProcess.Step.ASSIGN_RECEIVING_AGENCY.formKey());
        List<UnstaffedRow> rows = where.bind(jdbc.sql("""
                        select task_id, case_id, case_number, commune_code, agencies, created_at, window_ends_at
                          from work_item""" + where.sql() + " order by created_at, task_id limit :limit"))
                .param("limit", limit)
                .query((rs, i) -> new UnstaffedRow(rs.getString("task_id"), rs.getObject("case_id", UUID.class),
                        rs.getString("case_number"), rs.getString("commune_code"), agencies(rs),
                        rs.getTimestamp("created_at").toInstant(), instant(rs, "window_ends_at")))
                .list();
        return new Page<>(rows, total(rows.size(), 0, limit, where));
    }

    /** Emergency cases whose emergency measures are not all done, with the steps still open; the first {@code limit}. */
    Page<EmergencyRow> openEmergencies(SupervisedArea area, int limit) {
        Where where = Where.of(area, new BoardQuery.Filter(null, null, null, true))
                .and("step_key = any(:emergencySteps)", "emergencySteps",
                        CaseProcess.EMERGENCY_STEP_KEYS.stream().sorted().toArray(String[]::new));
        List<EmergencyRow> rows = where.bind(jdbc.sql("select case_id, min(case_number) as case_number,"
                        + " min(commune_code) as commune_code, array_agg(distinct step_key order by step_key) as steps,"
                        + " min(window_ends_at) as window_ends_at from work_item" + where.sql()
                        + " group by case_id order by min(case_number) limit :limit"))
                .param("limit", limit)
                .query((rs, i) -> new EmergencyRow(rs.getObject("case_id", UUID.class), rs.getString("case_number"),
                        rs.getString("commune_code"), List.of((String[]) rs.getArray("steps").getArray()),
                        instant(rs, "window_ends_at")))
                .list();
        long total = rows.size() < limit ? rows.size()
                : where.bind(jdbc.sql("select count(distinct case_id) from work_item" + where.sql())).query(Long.class).single();
        return new Page<>(rows, total);
    }

    /**
     * Open tasks and cases per step, an overview beside the lists, counted again at most every
     * {@code trean.board.step-counts-kept-for} (30 s) per area and node: at 120,000 open tasks in a province the count
     * reads them all (about 50 ms, half of a board's answer; bench/README.md). The lists and their counts are never
     * kept: nothing overdue waits to appear.
     */
    List<WorkList.StepCount> countByStep(SupervisedArea area) {
        long now = System.nanoTime();
        StepCounts kept = stepCounts.get(area);
        if (kept != null && now - kept.countedAt() < stepCountsKeptFor.toNanos()) {
            return kept.counts();
        }
        List<WorkList.StepCount> counts = countByStepNow(area);
        if (!stepCountsKeptFor.isZero()) {
            stepCounts.put(area, new StepCounts(now, counts));
        }
        return counts;
    }

    /**
     * The cases are counted by grouping (step, case) first and then the steps, two aggregates over an index-only scan:
     * {@code count(distinct case_id)} would sort every row of the area.
     */
    private List<WorkList.StepCount> countByStepNow(SupervisedArea area) {
        Where where = Where.of(area, BoardQuery.Filter.NONE);
        List<WorkList.StepCount> counts = new ArrayList<>();
        where.bind(jdbc.sql("select step_key, sum(tasks) as tasks, count(*) as cases from (select step_key, case_id,"
                        + " count(*) as tasks from work_item" + where.sql() + " group by step_key, case_id) s"
                        + " group by step_key order by sum(tasks) desc, step_key"))
                .query(rs -> {
                    counts.add(new WorkList.StepCount(rs.getString("step_key"), rs.getString("step_key"),
                            rs.getInt("tasks"), rs.getInt("cases")));
                });
        return counts;
    }

    /** The total of a paged list: known without counting when the page is the last one. */
    private long total(int rows, int page, int size, Where where) {
        if (rows < size && (page == 0 || rows > 0)) {
            return (long) page * size + rows;
        }
        return where.bind(jdbc.sql("select count(*) from work_item" + where.sql())).query(Long.class).single();
    }

    private static List<String> agencies(ResultSet rs) throws SQLException {
        return List.of((String[]) rs.getArray("agencies").getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
