package vn.trean.notifications.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.trean.notifications.Notifications.Kind;

/**
 * Writes notification mails from the message bundles: Vietnamese first, the English below it. A mail
 * names the case number, the step, the deadline in Vietnam time and a link to the case, and nothing
 * about the child: mail leaves the system's access control, so what concerns the child is only shown
 * behind the link, after signing in.
 */
@Component
public class Letters {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;
    private final MailSettings settings;

    Letters(MessageSource messages, MailSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * A step as the mail names it.
     *
     * @param modelName the name the model gives it (Vietnamese, as in the task lists), or null if not known
     */
    public record Step(String stepKey, String modelName) {
    }

    /**
     * @param steps    the steps concerned: the new task, or the 12-hour steps still open
     * @param deadline the step's due date or the end of the 12-hour window; null when there is none
     */
    public Letter write(Kind kind, UUID caseId, String caseNumber, List<Step> steps, Instant deadline) {
        String subject = text("mail.subject-prefix", VIETNAMESE) + " "
                + text("mail.subject." + kind.name(), VIETNAMESE, caseNumber, stepNames(steps, VIETNAMESE))
                + " / " + text("mail.subject." + kind.name(), ENGLISH, caseNumber, stepNames(steps, ENGLISH));
        String body = section(kind, caseId, caseNumber, steps, deadline, VIETNAMESE)
                + "\n\n" + text("mail.english-below", VIETNAMESE) + "\n\n"
                + section(kind, caseId, caseNumber, steps, deadline, ENGLISH);
        return new Letter(subject, body);
    }

    /**
     * A notice for an agency that is told of a case without a part in it (the district labour office of a record
     * from before 1 Jul 2025): the case number and what happened, and no link, since the case is not theirs to open.
     */
    public Letter noticeOnly(Kind kind, String caseNumber) {
        String key = "mail.intro." + kind.name() + ".notice-only";
        String subject = text("mail.subject-prefix", VIETNAMESE) + " "
                + text("mail.subject." + kind.name(), VIETNAMESE, caseNumber, "")
                + " / " + text("mail.subject." + kind.name(), ENGLISH, caseNumber, "");
        String body = notice(key, caseNumber, VIETNAMESE) + "\n\n" + text("mail.english-below", VIETNAMESE) + "\n\n"
                + notice(key, caseNumber, ENGLISH);
        return new Letter(subject, body);
    }

    private String notice(String introKey, String caseNumber, Locale locale) {
        return text(introKey, locale, caseNumber) + "\n\n" + text("mail.case", locale, caseNumber) + "\n\n"
                + text("mail.footer.notice-only", locale);
    }

    /**
     * A report sent upward (a serious case): the report's own text under the intro, in each language, then the link.
     * The texts are the sender's to keep free of the child's name.
     */
    public Letter writeReport(Kind kind, UUID caseId, String caseNumber, String vietnamese, String english) {
        String subject = text("mail.subject-prefix", VIETNAMESE) + " "
                + text("mail.subject." + kind.name(), VIETNAMESE, caseNumber)
                + " / " + text("mail.subject." + kind.name(), ENGLISH, caseNumber);
        String body = reportSection(kind, caseId, caseNumber, vietnamese, VIETNAMESE)
                + "\n\n" + text("mail.english-below", VIETNAMESE) + "\n\n"
                + reportSection(kind, caseId, caseNumber, english, ENGLISH);
        return new Letter(subject, body);
    }

    /**
     * A periodic report due soon.
     *
     * @param kind     the report kind's name (SIX_MONTHS, ANNUAL)
     * @param daysLeft days left until the due date
     */
    public record ReportDue(String kind, int year, LocalDate dueOn, long daysLeft, LocalDate periodFrom,
                            LocalDate periodTo) {
    }

    /** "Báo cáo 6 tháng đầu năm 2026 đến hạn ngày 25/05/2026 (còn 10 ngày)": the reminder in one line, Vietnamese. */
    public String reportDueLine(ReportDue due) {
        return reportDueLine(due, VIETNAMESE);
    }

    /** The reminder of a periodic report due: the line, a link to the report's period on the statistics page. */
    public Letter writeReportDue(ReportDue due) {
        String subject = text("mail.subject-prefix", VIETNAMESE) + " " + reportDueLine(due, VIETNAMESE)
                + " / " + reportDueLine(due, ENGLISH);
        return new Letter(subject, reportDueSection(due, VIETNAMESE) + "\n\n" + text("mail.english-below", VIETNAMESE)
                + "\n\n" + reportDueSection(due, ENGLISH));
    }

    private String reportDueLine(ReportDue due, Locale locale) {
        String period = text("report-due.period." + due.kind(), locale, String.valueOf(due.year()));
        String dueOn = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(due.dueOn());
        return text("report-due.line", locale, period, dueOn, due.daysLeft());
    }

    private String reportDueSection(ReportDue due, Locale locale) {
        String link = settings.baseUrl() + "/statistics?from=" + due.periodFrom() + "&to=" + due.periodTo() + "#periodic";
        return text("mail.intro.REPORT_DUE", locale, reportDueLine(due, locale)) + "\n\n"
                + text("mail.link.REPORT_DUE", locale, link) + "\n\n" + text("mail.footer.REPORT_DUE", locale);
    }

    private String reportSection(Kind kind, UUID caseId, String caseNumber, String report, Locale locale) {
        return text("mail.intro." + kind.name(), locale, caseNumber) + "\n\n" + report + "\n\n"
                + text("mail.link", locale, settings.baseUrl() + "/cases/" + caseId) + "\n\n"
                + text("mail.footer." + kind.name(), locale);
    }

    private String section(Kind kind, UUID caseId, String caseNumber, List<Step> steps, Instant deadline,
                           Locale locale) {
        StringBuilder text = new StringBuilder()
                .append(text("mail.intro." + kind.name(), locale, caseNumber)).append("\n\n")
                .append(text("mail.case", locale, caseNumber)).append('\n');
        if (!steps.isEmpty()) {
            text.append(text("mail.step", locale, stepNames(steps, locale))).append('\n');
        }
        text.append(deadline == null ? text("mail.no-deadline", locale)
                        : text("mail.deadline", locale, DateTimeFormatter.ofPattern(text("mail.date-format", locale), locale)
                                .withZone(settings.zone()).format(deadline)))
                .append('\n')
                .append(text("mail.link", locale, settings.baseUrl() + "/cases/" + caseId)).append("\n\n")
                .append(text("mail.footer", locale));
        return text.toString();
    }

    /** In Vietnamese the model's own name (what the task list shows); in English the bundle's. */
    private String stepNames(List<Step> steps, Locale locale) {
        return steps.stream().map(step -> {
            String fallback = step.modelName() == null ? step.stepKey() : step.modelName();
            if (locale.equals(VIETNAMESE) && step.modelName() != null) {
                return step.modelName();
            }
            return messages.getMessage("mail.step." + step.stepKey(), null, fallback, locale);
        }).distinct().collect(Collectors.joining("; "));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args.length == 0 ? null : args, locale);
    }
}
