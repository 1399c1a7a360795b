package vn.trean.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.trean.notifications.mail.OutboxMailer;

/**
 * The notification mails a test's GreenMail server received (on the port the test profile gives
 * {@code spring.mail.port}). The context is shared, so the outbox may also hold other test classes' mails: a test picks
 * its own by case number.
 */
public final class ReceivedMails {

    private ReceivedMails() {
    }

    public record Mail(String from, String subject, String body) {
    }

    /** Sends due mail until none is left that the server takes. */
    public static void deliverAll(OutboxMailer mailer) {
        while (mailer.sendDue() > 0) {
            // next batch
        }
    }

    /** The mails the server received for {@code address} about the case whose subject contains {@code subjectPart}. */
    public static List<Mail> to(GreenMailExtension smtp, String address, String caseNumber, String subjectPart) {
        List<Mail> mails = new ArrayList<>();
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                boolean toAddress = Arrays.stream(message.getAllRecipients()).map(InternetAddress.class::cast)
                        .map(InternetAddress::getAddress).anyMatch(address::equals);
                String subject = message.getSubject();
                if (toAddress && subject.contains(caseNumber) && subject.contains(subjectPart)) {
                    mails.add(new Mail(((InternetAddress) message.getFrom()[0]).getAddress(), subject,
                            (String) message.getContent()));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
        return mails;
    }
}
