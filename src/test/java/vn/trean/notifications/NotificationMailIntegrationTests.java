package vn.trean.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.ApiIntegrationTest;
import vn.trean.notifications.ReceivedMails.Mail;
import vn.trean.notifications.mail.OutboxMailer;
import vn.trean.workflow.WorkflowEvents.OpenStep;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

/**
 * Notification mails through a real SMTP server (GreenMail, in-process, on the port the test profile
 * gives {@code spring.mail.port}). The tests deliver the outbox themselves with {@code sendDue()};
 * the context is shared, so the outbox may also hold other test classes' mails, and every assertion
 * picks the mails of its own case by case number.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationMailIntegrationTests extends ApiIntegrationTest {

    static final int SMTP_PORT = 3925;
    static final String CHILD_NAME = "Nguyễn Thị Hoà";
    static final String OFFICER = "officer@demo.trean.vn";
    static final String CHAIRMAN = "chairman@demo.trean.vn";
    static final String SUPERVISOR = "supervisor@demo.trean.vn";
    static final String VERIFY_STEP_VI = "Xác minh, đánh giá nguy cơ ban đầu";
    static final String VERIFY_STEP_EN = "Verify the report and assess the initial risk";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    OutboxMailer mailer;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void newTaskMailTellsTheOfficerTheCaseNumberStepDeadlineAndLinkButNothingAboutTheChild() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        String caseNumber = caseNumber(caseId);

        deliverAll();

        List<Mail> mails = mailsTo(OFFICER, caseNumber, "Việc mới");
        assertThat(mails).hasSize(1);
        Mail mail = mails.get(0);
        assertThat(mail.subject()).contains(caseNumber, VERIFY_STEP_VI, "New task", VERIFY_STEP_EN);
        assertThat(mail.from()).isEqualTo("no-reply@trean.vn");
        Instant windowEnds = receivedAt.plus(Duration.ofHours(12));
        assertThat(mail.body()).contains(
                "Hồ sơ: " + caseNumber, "Bước: " + VERIFY_STEP_VI, "Thời hạn: " + inVietnam(windowEnds, "HH:mm 'ngày' dd/MM/yyyy"),
                "Case: " + caseNumber, "Step: " + VERIFY_STEP_EN, "Deadline: " + inVietnam(windowEnds, "d MMM yyyy, HH:mm"),
                "http://localhost:8080/cases/" + caseId);
        assertThat(mail.body().indexOf("Case: ")).as("the English comes below the Vietnamese")
                .isGreaterThan(mail.body().indexOf("Hồ sơ: "));
        assertThat(mail.subject() + mail.body()).doesNotContain(CHILD_NAME, "Hoà", "Tổ 5", "vết bầm");

        assertThat(mailsTo("officer.ngocha@demo.trean.vn", caseNumber, "")).as("another commune's officer").isEmpty();
        assertThat(count("""
                select count(*) from mail_outbox m join notification n on n.id = m.notification_id
                where n.case_id = ? and n.kind = 'NEW_TASK' and m.recipient = 'officer' and m.sent_at is not null""",
                caseId)).isOne();
    }

    @Test
    void twelveHourReminderIsMailedToTheOfficerAndTheChairman() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        String caseNumber = caseNumber(caseId);

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(9)).plusSeconds(1));
        deliverAll();

        String windowEnds = inVietnam(receivedAt.plus(Duration.ofHours(12)), "HH:mm 'ngày' dd/MM/yyyy");
        for (String person : List.of(OFFICER, CHAIRMAN)) {
            List<Mail> reminders = mailsTo(person, caseNumber, "Sắp hết thời hạn 12 giờ");
            assertThat(reminders).as("reminders to %s", person).hasSize(1);
            assertThat(reminders.get(0).subject()).contains("12-hour window ends soon");
            assertThat(reminders.get(0).body()).contains("Bước: " + VERIFY_STEP_VI, "Thời hạn: " + windowEnds,
                    "Step: " + VERIFY_STEP_EN).doesNotContain(CHILD_NAME);
        }
        assertThat(mailsTo(SUPERVISOR, caseNumber, "12 giờ")).as("no breach yet").isEmpty();
    }

    @Test
    void twelveHourBreachAndItsEscalationAreMailedToTheProvinceSupervisor() {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = fileReport(COMMUNE_A, receivedAt);
        String caseNumber = caseNumber(caseId);

        moveClockAndRunDueJobs(receivedAt.plus(Duration.ofHours(12)).plusSeconds(60));
        deliverAll();

        List<Mail> breaches = mailsTo(SUPERVISOR, caseNumber, "Quá thời hạn 12 giờ");
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).subject()).contains("12-hour window missed");
        assertThat(breaches.get(0).body()).contains("Bước: " + VERIFY_STEP_VI, "Step: " + VERIFY_STEP_EN,
                "http://localhost:8080/cases/" + caseId).doesNotContain(CHILD_NAME);
        assertThat(mailsTo(SUPERVISOR, caseNumber, "Việc mới: Xử lý vi phạm thời hạn 12 giờ"))
                .as("the escalation task").hasSize(1);
        assertThat(mailsTo(CHAIRMAN, caseNumber, "Quá thời hạn 12 giờ")).hasSize(1);
    }

    @Test
    void breachWhoseTimerRunsTwiceIsMailedOnce() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = caseNumber(caseId);
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        var breach = new TwelveHourWindowBreached(caseId, Instant.now(), List.of(new OpenStep(taskId, "verify_report")),
                List.of("committee-" + COMMUNE_A));

        transaction.executeWithoutResult(status -> events.publishEvent(breach));
        deliverAll();
        transaction.executeWithoutResult(status -> events.publishEvent(breach));
        deliverAll();

        assertThat(mailsTo(CHAIRMAN, caseNumber, "Quá thời hạn 12 giờ")).hasSize(1);
        assertThat(count("""
                select count(*) from mail_outbox m join notification n on n.id = m.notification_id
                where n.case_id = ? and n.kind = 'TWELVE_HOUR_BREACH'""", caseId)).isOne();
    }

    @Test
    void mailIsKeptWhileTheSmtpServerIsDownAndDeliveredOnceItIsBack(CapturedOutput output) {
        deliverAll(); // whatever earlier tests left, so that this case's mail is in the next batch
        smtp.stop();
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String caseNumber = caseNumber(caseId);

        assertThat(mailer.sendDue()).isZero();

        OutboxRow row = officersNewTaskMail(caseId);
        assertThat(row.sentAt()).isNull();
        assertThat(row.attempts()).isOne();
        assertThat(row.lastError()).isNotBlank().doesNotContain(CHILD_NAME);
        assertThat(output.getAll()).contains("not delivered").doesNotContain(CHILD_NAME);

        smtp.start();
        deliverAll();

        assertThat(mailsTo(OFFICER, caseNumber, "Việc mới")).hasSize(1);
        row = officersNewTaskMail(caseId);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(output.getAll()).doesNotContain(CHILD_NAME);
    }

    // --- helpers --------------------------------------------------------------------------------

    record OutboxRow(Instant sentAt, int attempts, String lastError) {
    }

    private void deliverAll() {
        ReceivedMails.deliverAll(mailer);
    }

    private List<Mail> mailsTo(String address, String caseNumber, String subjectPart) {
        return ReceivedMails.to(smtp, address, caseNumber, subjectPart);
    }

    private String caseNumber(UUID caseId) {
        return jdbc.sql("select case_number from case_file where id = ?").param(caseId).query(String.class).single();
    }

    private OutboxRow officersNewTaskMail(UUID caseId) {
        return jdbc.sql("""
                        select m.sent_at, m.attempts, m.last_error from mail_outbox m
                        join notification n on n.id = m.notification_id
                        where n.case_id = ? and n.kind = 'NEW_TASK' and m.recipient = 'officer'""")
                .param(caseId)
                .query((rs, i) -> new OutboxRow(rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                        rs.getInt(2), rs.getString(3)))
                .single();
    }

    private static String inVietnam(Instant instant, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, pattern.contains("MMM") ? java.util.Locale.ENGLISH
                : java.util.Locale.forLanguageTag("vi")).withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(instant);
    }
}
