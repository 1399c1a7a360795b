package vn.trean.notifications.mail;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail delivery of notifications. The SMTP server itself is configured under {@code spring.mail}.
 *
 * @param enabled       whether mail is delivered; null (the default) means "when {@code spring.mail.host} is set".
 *                      Either way notifications are written to the outbox, so turning mail on later delivers them
 * @param from          the sender address, e.g. {@code Trẻ An <no-reply@trean.vn>}
 * @param baseUrl       where people open the app; a mail links to {@code <baseUrl>/cases/<caseId>}
 * @param pollInterval  the pause between two deliveries of due mail
 * @param batchSize     how many mails one delivery claims and sends over one SMTP connection
 * @param retryDelay    the wait after a first failed attempt; it doubles with each further failure
 * @param maxRetryDelay the longest wait between two attempts: a mail is retried until delivered, never dropped
 * @param zone          the zone deadlines are written in (Vietnam, UTC+7)
 */
@ConfigurationProperties("trean.mail")
public record MailSettings(Boolean enabled, String from, String baseUrl, Duration pollInterval, Integer batchSize,
                           Duration retryDelay, Duration maxRetryDelay, ZoneId zone) {

    public MailSettings {
        from = from == null || from.isBlank() ? "Trẻ An <no-reply@trean.vn>" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
        retryDelay = retryDelay == null ? Duration.ofMinutes(1) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
    }

    /** The wait before the next attempt after {@code attempts} failed ones. */
    public Duration retryDelayAfter(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
