package vn.trean.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.tasks.WorkList;

/**
 * A person's notifications in the app (issue 11 item 5): the agency's notifications, copied to each of its members
 * when written, and read or unread per person. Every method takes the person whose inbox it is, and finds nothing
 * of anyone else's: another person's notification is simply not there.
 */
@Service
public class Inbox {

    /** The most a page may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final String COLUMNS = """
            u.id, n.kind, n.case_id, n.case_number, n.step_key, n.step_name, n.commune_name, n.task_id,
            n.notice_only, n.detail, u.created_at, u.read_at""";

    private final JdbcClient jdbc;
    private final WorkList workList;
    private final MessageSource messages;

    Inbox(JdbcClient jdbc, WorkList workList, MessageSource messages) {
        this.jdbc = jdbc;
        this.workList = workList;
        this.messages = messages;
    }

    /**
     * One notification in a person's inbox.
     *
     * @param stepKey   the step's key, or several joined by commas (a reminder naming each open 12-hour step)
     * @param stepName  the model's (Vietnamese) name of the step or steps
     * @param taskId    the task a new-task notice opens while it is open
     * @param noticeOnly told of a case the agency has no part in: it opens nothing of the case
     * @param detail    the line of a notification about no case (a periodic report due), in Vietnamese
     */
    public record Entry(long id, String kind, UUID caseId, String caseNumber, String stepKey, String stepName,
                        String communeName, String taskId, boolean noticeOnly, String detail, Instant createdAt,
                        Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }

        /** Where the list links: the app opens it, marks it read, and goes on to its task or case. */
        public String href() {
            return "/notifications/" + id;
        }
    }

    /** A page of a person's notifications, newest first, with their unread count. */
    public record Page(List<Entry> items, int page, int size, boolean hasNext, int unread) {
    }

    /** Copies a new notification of an agency to each of its enabled members. */
    void deliver(long notificationId, String agencyId) {
        jdbc.sql("""
                        insert into user_notification (notification_id, username, created_at)
                        select :n, username, now() from app_user where agency_id = :a and enabled
                        on conflict (notification_id, username) do nothing""")
                .param("n", notificationId).param("a", agencyId).update();
    }

    /** How many of a person's notifications are unread: one count over their unread rows (a partial index). */
    public int unread(String username) {
        return jdbc.sql("select count(*) from user_notification where username = :u and read_at is null")
                .param("u", username).query(Integer.class).single();
    }

    /**
     * The bell's count: as {@link #unread(String)}, but counting no further than {@code cap} (the bell shows "99+"
     * beyond 99), so that a page's header costs the same however many notifications wait unread.
     */
    public int unreadUpTo(String username, int cap) {
        return jdbc.sql("""
                        select count(*) from (select 1 from user_notification where username = :u and read_at is null
                                              limit :cap) unread""")
                .param("u", username).param("cap", cap).query(Integer.class).single();
    }

    /** A page of a person's notifications, newest first; {@code size} is bounded by {@link #MAX_PAGE_SIZE}. */
    public Page page(String username, int page, int size) {
        int bounded = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int from = Math.max(0, page);
        List<Entry> rows = jdbc.sql("select " + COLUMNS + """
                         from user_notification u join notification n on n.id = u.notification_id
                        where u.username = :u order by u.created_at desc, u.id desc limit :limit offset :offset""")
                .param("u", username).param("limit", bounded + 1).param("offset", (long) from * bounded)
                .query((rs, i) -> entry(rs)).list();
        boolean hasNext = rows.size() > bounded;
        return new Page(hasNext ? rows.subList(0, bounded) : rows, from, bounded, hasNext, unread(username));
    }

    /** Marks a person's notification read and answers it; empty when it is not theirs (or not there). */
    public Optional<Entry> open(String username, long id) {
        jdbc.sql("update user_notification set read_at = now() where id = :id and username = :u and read_at is null")
                .param("id", id).param("u", username).update();
        return jdbc.sql("select " + COLUMNS + """
                         from user_notification u join notification n on n.id = u.notification_id
                        where u.id = :id and u.username = :u""")
                .param("id", id).param("u", username).query((rs, i) -> entry(rs)).optional();
    }

    /** Marks all of a person's notifications read. */
    public int readAll(String username) {
        return jdbc.sql("update user_notification set read_at = now() where username = :u and read_at is null")
                .param("u", username).update();
    }

    /**
     * Where an opened notification leads: a new task while it is still open, else its case; a transfer offered to
     * the commune that is asked (which does not see the case before it accepts), the transfers page; a report due,
     * the statistics; a notice-only one stays on the list. Need-to-know is the target's to apply.
     */
    public String target(Entry entry) {
        if (entry.taskId() != null && workList.ofCase(entry.caseId()).stream()
                .anyMatch(t -> t.taskId().equals(entry.taskId()))) {
            return "/tasks/" + entry.taskId();
        }
        if (Notifications.Kind.TRANSFER_REQUESTED.name().equals(entry.kind())) {
            return "/transfers";
        }
        if (Notifications.Kind.REPORT_DUE.name().equals(entry.kind())) {
            return "/statistics#periodic";
        }
        if (entry.noticeOnly() || entry.caseId() == null) {
            return "/notifications";
        }
        return "/cases/" + entry.caseId();
    }

    /** "Việc mới": what kind of notification, in the reader's language. */
    public String title(Entry entry, Locale locale) {
        return messages.getMessage("notifications.kind." + entry.kind(), null, entry.kind(), locale);
    }

    /**
     * "Hồ sơ 00004-2026-000012 · Xác minh thông tin · Phường Ba Đình": the case number, the step, the commune —
     * nothing about the child. In English the steps take the bundle's names where it has them.
     */
    public String line(Entry entry, Locale locale) {
        if (entry.caseNumber() == null) {
            return entry.detail() == null ? "" : entry.detail();
        }
        return Stream.of(messages.getMessage("notifications.case", new Object[] {entry.caseNumber()}, locale),
                        steps(entry, locale), entry.communeName())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "));
    }

    private String steps(Entry entry, Locale locale) {
        if (entry.stepKey() == null) {
            return null;
        }
        if ("vi".equals(locale.getLanguage()) && entry.stepName() != null) {
            return entry.stepName();
        }
        return Stream.of(entry.stepKey().split(","))
                .map(key -> messages.getMessage("mail.step." + key, null, key, locale))
                .distinct().collect(Collectors.joining("; "));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                rs.getString(10), rs.getTimestamp(11).toInstant(), instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
