package vn.trean.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import vn.trean.notifications.mail.MailOutbox.QueuedMail;

/**
 * Delivers the outbox over SMTP. A mail is marked sent only once the server took it; a failed one
 * keeps its row, counts the attempt and is retried later, so a mail server that is down delays
 * mail but never loses it. Logs name outbox and notification ids only.
 */
@Component
public class OutboxMailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailSettings settings;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    OutboxMailer(MailOutbox outbox, ObjectProvider<JavaMailSender> mailSender, MailSettings settings,
                 PlatformTransactionManager transactionManager, @Value("${spring.mail.host:}") String smtpHost) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
        this.enabled = settings.enabled() != null ? settings.enabled() : StringUtils.hasText(smtpHost);
        if (enabled) {
            log.info("E-mail delivery of notifications is on (SMTP host {})", smtpHost);
        } else {
            log.info("E-mail delivery of notifications is off (no SMTP host set); mails wait in mail_outbox");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    @Scheduled(initialDelayString = "${trean.mail.poll-interval:10s}", fixedDelayString = "${trean.mail.poll-interval:10s}")
    void deliverDue() {
        while (sendDue() == settings.batchSize()) {
            // a full batch went out: more may be waiting
        }
    }

    /**
     * Sends one batch of due mail over one SMTP connection and records the outcome of each.
     *
     * @return how many mails the server took; 0 when delivery is off
     */
    public int sendDue() {
        if (!enabled) {
            return 0;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("E-mail delivery is on but there is no mail sender: set spring.mail.host (TREAN_SMTP_HOST)");
            return 0;
        }
        Integer sent = transaction.execute(status -> send(outbox.claimDue(settings.batchSize()), sender));
        return sent == null ? 0 : sent;
    }

    private int send(List<QueuedMail> mails, JavaMailSender sender) {
        if (mails.isEmpty()) {
            return 0;
        }
        Map<MimeMessage, QueuedMail> messages = new LinkedHashMap<>();
        Map<QueuedMail, String> failed = new LinkedHashMap<>();
        for (QueuedMail mail : mails) {
            try {
                messages.put(compose(sender, mail), mail);
            } catch (MessagingException | MailException e) {
                failed.put(mail, describe(e));
            }
        }
        try {
            if (!messages.isEmpty()) {
                sender.send(messages.keySet().toArray(MimeMessage[]::new));
            }
        } catch (MailSendException e) {
            // the messages it names failed; an empty map means all went out and only closing the connection failed
            e.getFailedMessages().forEach((message, error) -> {
                QueuedMail mail = messages.get(message);
                if (mail != null) {
                    failed.put(mail, describe(error));
                }
            });
        } catch (MailException e) {
            // e.g. authentication refused: nothing went out
            messages.values().forEach(mail -> failed.put(mail, describe(e)));
        }
        List<Long> sent = new ArrayList<>();
        for (QueuedMail mail : mails) {
            if (!failed.containsKey(mail)) {
                sent.add(mail.id());
            }
        }
        outbox.markSent(sent);
        failed.forEach((mail, error) -> {
            outbox.markFailed(mail.id(), error, settings.retryDelayAfter(mail.attempts() + 1));
            log.debug("Mail {} of notification {} not delivered (attempt {}): {}", mail.id(), mail.notificationId(),
                    mail.attempts() + 1, error);
        });
        if (!failed.isEmpty()) {
            log.warn("{} of {} mails not delivered, kept for a later attempt: {}", failed.size(), mails.size(),
                    failed.values().iterator().next());
        }
        return sent.size();
    }

    private MimeMessage compose(JavaMailSender sender, QueuedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.email());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        // RFC 3834: tells mail servers and people's auto-responders that no one waits for a reply
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** What failed, for {@code last_error}: the exception and the server's answer, which carry no case data. */
    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (cause == e ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
