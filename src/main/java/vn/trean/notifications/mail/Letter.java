package vn.trean.notifications.mail;

/** The text of one notification mail, as queued in the outbox. */
public record Letter(String subject, String body) {
}
