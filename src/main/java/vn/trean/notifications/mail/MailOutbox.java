package vn.trean.notifications.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.trean.identity.DirectoryUser;
import vn.trean.identity.UserDirectory;

/** The mails waiting to go out ({@code mail_outbox}): queued with their notification, claimed by the sender. */
@Component
public class MailOutbox {

    private final JdbcClient jdbc;
    private final UserDirectory users;

    MailOutbox(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * Queues the letter for every enabled member of the agency who has an address. Called in the
     * transaction that wrote the notification, so the mail commits, or rolls back, with it.
     *
     * @return how many mails were queued
     */
    public int enqueue(long notificationId, String agencyId, Letter letter) {
        int queued = 0;
        for (DirectoryUser user : users.members(agencyId)) {
            if (user.email() == null || user.email().isBlank()) {
                continue;
            }
            queued += jdbc.sql("""
                            insert into mail_outbox (notification_id, recipient, email, subject, body)
                            values (:n, :r, :e, :s, :b) on conflict (notification_id, recipient) do nothing""")
                    .param("n", notificationId).param("r", user.username()).param("e", user.email().strip())
                    .param("s", letter.subject()).param("b", letter.body()).update();
        }
        return queued;
    }

    /** A queued mail; {@code attempts} counts the failed tries so far. */
    record QueuedMail(long id, long notificationId, String email, String subject, String body, int attempts) {
    }

    /**
     * Locks up to {@code limit} due mails for this transaction. Rows another sender holds are skipped,
     * not waited for, so two instances of the app never send the same mail at once.
     */
    List<QueuedMail> claimDue(int limit) {
        return jdbc.sql("""
                        select id, notification_id, email, subject, body, attempts from mail_outbox
                        where sent_at is null and next_attempt_at <= now()
                        order by next_attempt_at, id limit :limit
                        for update skip locked""")
                .param("limit", limit)
                .query((rs, i) -> new QueuedMail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
    }

    void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update mail_outbox set sent_at = now(), last_attempt_at = now(), attempts = attempts + 1
                        where id = any(:ids)""")
                .param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Keeps the mail for a later attempt; {@code error} says what the SMTP side answered, nothing about the case. */
    void markFailed(long id, String error, Duration retryIn) {
        jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, last_attempt_at = now(), last_error = :e,
                               next_attempt_at = now() + cast(:ms as bigint) * interval '1 millisecond'
                        where id = :id""")
                .param("e", error).param("ms", retryIn.toMillis()).param("id", id).update();
    }
}
