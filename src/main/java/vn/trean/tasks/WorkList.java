package vn.trean.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.casefile.CaseVisibility;
import vn.trean.identity.CurrentUser;
import vn.trean.workflow.WorkflowEvents.TaskAssigned;
import vn.trean.workflow.WorkflowEvents.TaskDueDateChanged;
import vn.trean.workflow.WorkflowEvents.TaskEnded;
import vn.trean.workflow.WorkflowEvents.TaskRerouted;
import vn.trean.workflow.WorkflowEvents.TaskRouted;

/**
 * The open tasks of all cases, in the application's own indexed table. Kept in step with the engine
 * by synchronous listeners, so a task is listed exactly when the engine's transaction that made it
 * commits.
 */
@Service
public class WorkList {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String COLUMNS = """
            task_id, case_id, case_number, commune_code, province_code, step_key, step_name, agencies, assignee,
            created_at, due_at, measure_id, window_ends_at, emergency, due_without_holidays_of
            """;

    private final JdbcClient jdbc;

    WorkList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String MINE = """
            from work_item
            where ((agencies @> array[cast(:agency as text)] and (assignee is null or assignee = :user))
                   or assignee = :user)
              and (not :overdue or due_at < :now)
              and (not :dueToday or (due_at >= :dayStart and due_at < :dayEnd))
              and (not :emergency or emergency)
              and (cast(:step as text) is null or step_key = :step)
              and (cast(:case as uuid) is null or case_id = :case)
            """;

    /**
     * A page of the tasks routed to the user's agency and not claimed by someone else, or claimed by the
     * user, in the order asked for, with the total and how many are overdue. One query for the page: the
     * page's tasks are chosen on work_item's indexes first, then only those are joined to their case, child,
     * commune and verification.
     */
    public TaskPage of(CurrentUser user, TaskFilter filter, TaskSort sort, Instant now, int page, int size) {
        boolean wholeCase = CaseVisibility.seesWholeCase(user.role());
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        List<TaskCard> cards = mine(jdbc.sql("""
                        select w.*, c.category, l.name as commune_name, ch.full_name, ch.date_of_birth,
                               ch.estimated_age, v.risk_level
                        from (select %s %s order by %s limit :limit offset :offset) w
                        join case_file c on c.id = w.case_id
                        left join locality l on l.list = 'V2025' and l.code = w.commune_code
                        left join lateral (select full_name, date_of_birth, estimated_age from child
                                           where child.case_id = w.case_id order by child.id limit 1) ch on true
                        left join lateral (select s.data ->> 'riskLevel' as risk_level from step_record s
                                           where s.case_id = w.case_id and s.step_key = 'verify_report'
                                             and s.completed_at is not null and :wholeCase
                                           order by s.completed_at desc limit 1) v on true
                        order by %s""".formatted(COLUMNS, MINE, sort.orderBy(), sort.orderBy())), user, filter, now)
                .param("limit", size).param("offset", (long) page * size).param("wholeCase", wholeCase)
                .query((rs, i) -> card(rs, user, now, today)).list();
        long[] counts = mine(jdbc.sql("select count(*), count(*) filter (where due_at < :now) " + MINE), user, filter,
                now).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new TaskPage(cards, page, size, counts[0], counts[1]);
    }

    private static TaskCard card(ResultSet rs, CurrentUser user, Instant now, LocalDate today) throws SQLException {
        TaskRow task = row(rs);
        java.sql.Date born = rs.getDate("date_of_birth");
        Integer estimated = rs.getObject("estimated_age", Integer.class);
        Integer age = born == null ? estimated : Integer.valueOf(Period.between(born.toLocalDate(), today).getYears());
        String commune = rs.getString("commune_name");
        return new TaskCard(task, CaseVisibility.childNameFor(user.role(), rs.getString("full_name")), age,
                born == null && estimated != null, commune == null ? task.communeCode() : commune,
                rs.getString("category"), rs.getString("risk_level"), TaskCard.Urgency.of(task.dueAt(), now),
                task.windowEndsAt() != null && task.windowEndsAt().isBefore(now));
    }

    private static JdbcClient.StatementSpec mine(JdbcClient.StatementSpec sql, CurrentUser user, TaskFilter filter,
                                                 Instant now) {
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        return sql.param("agency", user.agencyId()).param("user", user.username())
                .param("overdue", filter.overdue()).param("now", Timestamp.from(now))
                .param("dueToday", filter.dueToday())
                .param("dayStart", Timestamp.from(today.atStartOfDay(VIETNAM).toInstant()))
                .param("dayEnd", Timestamp.from(today.plusDays(1).atStartOfDay(VIETNAM).toInstant()))
                .param("emergency", filter.emergency()).param("step", filter.stepKey())
                .param("case", filter.caseId());
    }

    /** The open tasks of one case, soonest deadline first: its current steps and next deadline. */
    public List<TaskRow> ofCase(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from work_item where case_id = :c order by due_at asc nulls last")
                .param("c", caseId).query((rs, i) -> row(rs)).list();
    }

    /** One task while it is open; empty once it ended. */
    public java.util.Optional<TaskRow> open(String taskId) {
        return jdbc.sql("select " + COLUMNS + " from work_item where task_id = :t").param("t", taskId)
                .query((rs, i) -> row(rs)).optional();
    }

    /**
     * Open tasks in a commune or a province (exactly one of the two codes set), for the boards:
     * {@code overdueOnly} keeps those past their deadline, {@code windowOnly} those inside a running 12-hour window.
     */
    public List<TaskRow> inArea(String communeCode, String provinceCode, boolean overdueOnly, boolean windowOnly,
                                Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                        from work_item
                        where (cast(:commune as text) is null or commune_code = :commune)
                          and (cast(:province as text) is null or province_code = :province)
                          and (not :overdue or due_at < :now)
                          and (not :window or window_ends_at > :now)
                        order by due_at asc nulls last
                        limit :limit""")
                .param("commune", communeCode).param("province", provinceCode).param("overdue", overdueOnly)
                .param("window", windowOnly).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, i) -> row(rs)).list();
    }

    /** Open tasks of one step in a commune or a province (exactly one of the two codes set), oldest first. */
    public List<TaskRow> inAreaAtStep(String communeCode, String provinceCode, String stepKey, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                        from work_item
                        where (cast(:commune as text) is null or commune_code = :commune)
                          and (cast(:province as text) is null or province_code = :province)
                          and step_key = :step
                        order by created_at asc
                        limit :limit""")
                .param("commune", communeCode).param("province", provinceCode).param("step", stepKey)
                .param("limit", limit)
                .query((rs, i) -> row(rs)).list();
    }

    /** How many open tasks there are per step in a commune or a province. */
    public List<StepCount> countByStep(String communeCode, String provinceCode) {
        return jdbc.sql("""
                        select step_key, min(step_name), count(*), count(distinct case_id) from work_item
                        where (cast(:commune as text) is null or commune_code = :commune)
                          and (cast(:province as text) is null or province_code = :province)
                        group by step_key order by count(*) desc, step_key""")
                .param("commune", communeCode).param("province", provinceCode)
                .query((rs, i) -> new StepCount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    public record StepCount(String stepKey, String stepName, int tasks, int cases) {
    }

    @EventListener
    void on(TaskRouted t) {
        jdbc.sql("insert into work_item (" + COLUMNS + """
                        ) values (:task, :case, :number, :commune, :province, :step, :name, :agencies, null,
                                  :created, :due, :measure, :window, :emergency, null)
                        on conflict (task_id) do nothing""")
                .param("task", t.taskId()).param("case", t.caseId()).param("number", t.caseNumber())
                .param("commune", t.communeCode()).param("province", t.provinceCode()).param("step", t.stepKey())
                .param("name", t.stepName()).param("agencies", t.agencyIds().toArray(String[]::new))
                .param("created", Timestamp.from(t.createdAt())).param("due", timestamp(t.dueAt()))
                .param("measure", t.measureId()).param("window", timestamp(t.windowEndsAt()))
                .param("emergency", t.emergency()).update();
    }

    @EventListener
    void on(TaskAssigned t) {
        jdbc.sql("update work_item set assignee = :a where task_id = :t").param("a", t.assignee()).param("t", t.taskId())
                .update();
    }

    @EventListener
    void on(TaskRerouted t) {
        jdbc.sql("update work_item set agencies = :agencies where task_id = :t")
                .param("agencies", t.agencyIds().toArray(String[]::new)).param("t", t.taskId()).update();
    }

    /** An accepted transfer: the case's open tasks count in the receiving commune's lists and boards. */
    @EventListener
    void on(vn.trean.workflow.WorkflowEvents.CaseTransferred t) {
        if ("ACCEPTED".equals(t.action())) {
            jdbc.sql("update work_item set commune_code = :c where case_id = :case")
                    .param("c", t.toCommune()).param("case", t.caseId()).update();
        }
    }

    @EventListener
    void on(TaskDueDateChanged t) {
        jdbc.sql("update work_item set due_at = :d, due_without_holidays_of = :y where task_id = :t")
                .param("d", timestamp(t.dueAt())).param("y", t.dueWithoutHolidaysOf()).param("t", t.taskId()).update();
    }

    /** The year without configured holidays that an open task's deadline spans, if any. */
    public java.util.Optional<Integer> dueWithoutHolidaysOf(String taskId) {
        return jdbc.sql("select due_without_holidays_of from work_item where task_id = :t").param("t", taskId)
                .query(Integer.class).optional();
    }

    /**
     * How many open tasks of a commune or a province (exactly one of the two codes set) have a deadline computed
     * without the holidays of a year, per year.
     */
    public java.util.Map<Integer, Integer> deadlinesWithoutHolidays(String communeCode, String provinceCode) {
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                        select due_without_holidays_of, count(*) from work_item
                        where due_without_holidays_of is not null
                          and (cast(:commune as text) is null or commune_code = :commune)
                          and (cast(:province as text) is null or province_code = :province)
                        group by due_without_holidays_of""")
                .param("commune", communeCode).param("province", provinceCode)
                .query(rs -> {
                    counts.put(rs.getInt(1), rs.getInt(2));
                });
        return counts;
    }

    @EventListener
    void on(TaskEnded t) {
        jdbc.sql("delete from work_item where task_id = :t").param("t", t.taskId()).update();
    }

    private static TaskRow row(ResultSet rs) throws SQLException {
        return new TaskRow(rs.getString("task_id"), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
                rs.getString("commune_code"), rs.getString("province_code"), rs.getString("step_key"),
                rs.getString("step_name"), List.of((String[]) rs.getArray("agencies").getArray()),
                rs.getString("assignee"), rs.getTimestamp("created_at").toInstant(), instant(rs, "due_at"),
                rs.getObject("measure_id", UUID.class), instant(rs, "window_ends_at"), rs.getBoolean("emergency"),
                rs.getObject("due_without_holidays_of", Integer.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
