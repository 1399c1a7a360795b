package vn.trean.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.casefile.CaseEvents.ReportLinked;
import vn.trean.notifications.mail.Letter;
import vn.trean.notifications.mail.Letters;
import vn.trean.notifications.mail.MailOutbox;
import vn.trean.organisation.Organisation;
import vn.trean.oversight.BreachEvents.BreachEscalated;
import vn.trean.oversight.BreachEvents.DeadlineBreached;
import vn.trean.tasks.TaskRow;
import vn.trean.tasks.WorkList;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.WorkflowEvents.EmergencyReported;
import vn.trean.workflow.WorkflowEvents.TaskRouted;
import vn.trean.workflow.WorkflowEvents.TwelveHourReminderDue;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

/**
 * What the people of an agency are told: a new task, a 12-hour reminder, a breach and its
 * escalation, in the app (each member's {@link Inbox}) and by e-mail. Written inside the transaction
 * that caused it, and keyed so that a timer job that runs twice notifies once: the inbox rows and
 * the mails are written only with a notification that is new, and mails delivered after the
 * transaction commits.
 */
@Service
public class Notifications {

    /** The role that runs a case in its commune (the models' name for the commune child-protection officer). */
    private static final String CASE_OWNER_ROLE = "commune-officer";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final Letters letters;
    private final MailOutbox mail;
    private final WorkList workList;
    private final Organisation organisation;
    private final Inbox inbox;

    Notifications(JdbcClient jdbc, Letters letters, MailOutbox mail, WorkList workList, Organisation organisation,
                  Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.letters = letters;
        this.mail = mail;
        this.workList = workList;
        this.organisation = organisation;
    }

    /** The notifications of an agency, newest first. */
    public List<Notification> forAgency(String agencyId) {
        return jdbc.sql("""
                        select id, case_id, kind, agency_id, created_at, detail from notification
                        where agency_id = :a order by created_at desc, id desc limit 200""")
                .param("a", agencyId)
                .query((rs, i) -> new Notification(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    /**
     * @param caseId the case it concerns; null for one about no case (a periodic report due), and then still in the
     *               JSON as null, so that a client reading every notification's case finds the field
     * @param detail what it is about when there is no case, in Vietnamese (the report and its due date); else null
     */
    public record Notification(long id, @JsonInclude(JsonInclude.Include.ALWAYS) UUID caseId, String kind,
                               String agencyId, Instant createdAt, String detail) {
    }

    @EventListener
    void on(TaskRouted routed) {
        Letter letter = letters.write(Kind.NEW_TASK, routed.caseId(), routed.caseNumber(),
                List.of(new Letters.Step(routed.stepKey(), routed.stepName())), routed.dueAt());
        About about = new About(routed.caseNumber(), routed.stepKey(), routed.stepName(),
                communeName(routed.communeCode()), routed.taskId(), false);
        for (String agency : routed.agencyIds()) {
            notify(routed.caseId(), Kind.NEW_TASK, agency, routed.taskId(), letter, about);
        }
    }

    /**
     * An open task handed to other agencies (an administrator moved a retiring agency's tasks, a transfer between
     * communes): whoever holds it now is told as of a new task — once per task and agency, as for a task routed.
     */
    @EventListener
    void on(vn.trean.workflow.WorkflowEvents.TaskRerouted rerouted) {
        workList.open(rerouted.taskId()).ifPresent(task -> {
            Letter letter = letters.write(Kind.NEW_TASK, task.caseId(), task.caseNumber(),
                    List.of(new Letters.Step(task.stepKey(), task.name())), task.dueAt());
            About about = new About(task.caseNumber(), task.stepKey(), task.name(), communeName(task.communeCode()),
                    task.taskId(), false);
            for (String agency : rerouted.agencyIds()) {
                notify(task.caseId(), Kind.NEW_TASK, agency, task.taskId(), letter, about);
            }
        });
    }

    @EventListener
    void on(TwelveHourReminderDue reminder) {
        List<TaskRow> open = workList.ofCase(reminder.caseId());
        List<Letters.Step> steps = open.stream().filter(TaskRow::inTwelveHourWindow)
                .map(t -> new Letters.Step(t.stepKey(), t.name())).toList();
        Letter letter = letters.write(Kind.TWELVE_HOUR_REMINDER, reminder.caseId(),
                caseNumber(reminder.caseId(), open), steps, reminder.windowEndsAt());
        About about = about(caseNumber(reminder.caseId(), open), steps, open);
        for (String agency : reminder.agencyIds()) {
            notify(reminder.caseId(), Kind.TWELVE_HOUR_REMINDER, agency, reminder.caseId().toString(), letter, about);
        }
    }

    @EventListener
    void on(TwelveHourWindowBreached breach) {
        List<TaskRow> open = workList.ofCase(breach.caseId());
        Map<String, TaskRow> byTask = open.stream().collect(Collectors.toMap(TaskRow::taskId, Function.identity()));
        List<Letters.Step> steps = breach.openSteps().stream()
                .map(s -> new Letters.Step(s.stepKey(),
                        Optional.ofNullable(byTask.get(s.taskId())).map(TaskRow::name).orElse(null)))
                .toList();
        Letter letter = letters.write(Kind.TWELVE_HOUR_BREACH, breach.caseId(), caseNumber(breach.caseId(), open),
                steps, breach.windowEndsAt());
        About about = about(caseNumber(breach.caseId(), open), steps, open);
        for (String agency : breach.notifiedAgencyIds()) {
            notify(breach.caseId(), Kind.TWELVE_HOUR_BREACH, agency, breach.caseId().toString(), letter, about);
        }
    }

    /**
     * A report linked to a case reaches the case's commune officer, who runs it (the linker gains no
     * access by linking): in the app and by mail, like a new task.
     */
    @EventListener
    void on(ReportLinked linked) {
        Letter letter = letters.write(Kind.REPORT_LINKED, linked.caseId(), linked.caseNumber(), List.of(), null);
        organisation.agencyForRole(CASE_OWNER_ROLE, linked.communeCode(), linked.provinceCode(),
                        LocalDate.now(VIETNAM))
                .ifPresent(owner -> notify(linked.caseId(), Kind.REPORT_LINKED, owner.id(),
                        linked.reportId().toString(), letter,
                        About.ofCase(linked.caseNumber(), communeName(linked.communeCode()))));
    }

    /**
     * An emergency declared in a commune reaches the province department at once, in the app and by mail, and the
     * district labour office of a record from before 1 Jul 2025 with a notice that only names the case number: it
     * has no step in the case and the notice opens nothing of it (no link).
     */
    @EventListener
    void on(EmergencyReported reported) {
        Letter letter = letters.write(Kind.EMERGENCY_REPORTED, reported.caseId(), reported.caseNumber(), List.of(), null);
        About about = About.ofCase(reported.caseNumber(), communeName(reported.communeCode()));
        for (String agency : reported.provinceAgencyIds()) {
            notify(reported.caseId(), Kind.EMERGENCY_REPORTED, agency, reported.caseId().toString(), letter, about);
        }
        Letter notice = letters.noticeOnly(Kind.EMERGENCY_REPORTED, reported.caseNumber());
        for (String office : reported.legacyDistrictAgencyIds()) {
            notify(reported.caseId(), Kind.EMERGENCY_REPORTED, office, reported.caseId().toString(), notice,
                    about.asNotice());
        }
    }

    /**
     * A transfer between communes (issue 9 item 4): the request reaches the receiving commune's officer, the
     * decision the sending commune's officer, in the app and by mail.
     */
    @EventListener
    void on(vn.trean.workflow.WorkflowEvents.CaseTransferred transfer) {
        boolean requested = "REQUESTED".equals(transfer.action());
        Kind kind = requested ? Kind.TRANSFER_REQUESTED
                : "ACCEPTED".equals(transfer.action()) ? Kind.TRANSFER_ACCEPTED : Kind.TRANSFER_REFUSED;
        String commune = requested ? transfer.toCommune() : transfer.fromCommune();
        Letter letter = letters.write(kind, transfer.caseId(), transfer.caseNumber(), List.of(), null);
        organisation.commune(commune)
                .flatMap(l -> organisation.agencyForRole(CASE_OWNER_ROLE, l.code(), l.provinceCode(),
                        LocalDate.now(VIETNAM)))
                .ifPresent(officer -> notify(transfer.caseId(), kind, officer.id(),
                        transfer.transferId() + ":" + transfer.action(), letter,
                        About.ofCase(transfer.caseNumber(),
                                communeName(requested ? transfer.fromCommune() : transfer.toCommune()))));
    }

    /**
     * A separation decided reaches the province department (and a legacy record's district labour office) at once,
     * as an emergency does (issue 9, item 2).
     */
    @EventListener
    void on(vn.trean.workflow.WorkflowEvents.SeparationReported reported) {
        Letter letter = letters.write(Kind.SEPARATION_REPORTED, reported.caseId(), reported.caseNumber(), List.of(), null);
        About about = About.ofCase(reported.caseNumber(), communeName(reported.communeCode()));
        for (String agency : reported.provinceAgencyIds()) {
            notify(reported.caseId(), Kind.SEPARATION_REPORTED, agency, reported.decisionTaskId(), letter, about);
        }
        Letter notice = letters.noticeOnly(Kind.SEPARATION_REPORTED, reported.caseNumber());
        for (String office : reported.legacyDistrictAgencyIds()) {
            notify(reported.caseId(), Kind.SEPARATION_REPORTED, office, reported.decisionTaskId(), notice,
                    about.asNotice());
        }
    }

    /** Two days before a separation's 15 days end, the commune officer and the chairman are reminded. */
    @EventListener
    void on(vn.trean.workflow.WorkflowEvents.SeparationLimitReminderDue reminder) {
        List<TaskRow> open = workList.ofCase(reminder.caseId());
        Letter letter = letters.write(Kind.SEPARATION_REMINDER, reminder.caseId(),
                caseNumber(reminder.caseId(), open), List.of(), reminder.separationEndsAt());
        About about = about(caseNumber(reminder.caseId(), open), List.of(), open);
        for (String agency : reminder.agencyIds()) {
            notify(reminder.caseId(), Kind.SEPARATION_REMINDER, agency,
                    reminder.caseId() + ":" + reminder.separationEndsAt(), letter, about);
        }
    }

    /**
     * A serious-case report (issue 10 item 4) reaches the province department at once, in the app and by mail with
     * the report's text, which names the child by initials, age and sex only.
     */
    @EventListener
    void on(vn.trean.reporting.SeriousCaseReported reported) {
        Letter letter = letters.writeReport(Kind.SERIOUS_CASE_REPORTED, reported.caseId(), reported.caseNumber(),
                reported.textVi(), reported.textEn());
        notify(reported.caseId(), Kind.SERIOUS_CASE_REPORTED, reported.recipientAgencyId(),
                reported.reportId().toString(), letter, About.ofCase(reported.caseNumber(), null));
    }

    /**
     * A periodic report is due soon and not submitted (issue 10 item 3): the unit's agencies are told in the app and by
     * mail, with the report, its due date and the days left; it concerns no case.
     */
    @EventListener
    void on(vn.trean.reporting.ReportDueReminder reminder) {
        Letters.ReportDue due = new Letters.ReportDue(reminder.kind().name(), reminder.year(), reminder.dueOn(),
                reminder.daysLeft(), reminder.periodFrom(), reminder.periodTo());
        Letter letter = letters.writeReportDue(due);
        String subject = String.join("/", reminder.level().name(), reminder.unitCode(), reminder.kind().name(),
                String.valueOf(reminder.year()), String.valueOf(reminder.daysBefore()));
        for (String agency : reminder.agencyIds()) {
            notify(null, Kind.REPORT_DUE, agency, subject, letter, About.NOTHING, letters.reportDueLine(due));
        }
    }

    // Issue 12 item 1: a breach for every legal deadline, recorded by oversight's deadline watcher.

    /**
     * A step's deadline passed undone: the chairman of the case's commune is told, and the agency that holds the
     * step (which gives the reason), in the app and by mail as a 12-hour breach is. Keyed by the breach: once each.
     */
    @EventListener
    void on(DeadlineBreached breach) {
        List<Letters.Step> steps = List.of(new Letters.Step(breach.stepKey(), breach.stepName()));
        Letter letter = letters.write(Kind.DEADLINE_BREACH, breach.caseId(), breach.caseNumber(), steps, breach.dueAt());
        About about = new About(breach.caseNumber(), breach.stepKey(), breach.stepName(),
                communeName(breach.communeCode()), null, false);
        java.util.Set<String> told = new java.util.LinkedHashSet<>();
        organisation.agencyForRole(CaseProcess.Role.COMMUNE_CHAIRMAN, breach.communeCode(), breach.provinceCode(),
                LocalDate.now(VIETNAM)).ifPresent(chairman -> told.add(chairman.id()));
        if (breach.agencyId() != null) {
            told.add(breach.agencyId());
        }
        for (String agency : told) {
            notify(breach.caseId(), Kind.DEADLINE_BREACH, agency, String.valueOf(breach.breachId()), letter, about);
        }
    }

    /** No reason came within the grace: the province supervisor of the case's province is told, once. */
    @EventListener
    void on(BreachEscalated escalated) {
        List<Letters.Step> steps = List.of(new Letters.Step(escalated.stepKey(), null));
        Letter letter = letters.write(Kind.DEADLINE_BREACH_ESCALATED, escalated.caseId(), escalated.caseNumber(), steps,
                escalated.dueAt());
        About about = new About(escalated.caseNumber(), escalated.stepKey(), null,
                communeName(escalated.communeCode()), null, false);
        organisation.agencyForRole(CaseProcess.Role.PROVINCE_SUPERVISOR, escalated.communeCode(),
                        escalated.provinceCode(), LocalDate.now(VIETNAM))
                .ifPresent(supervisor -> notify(escalated.caseId(), Kind.DEADLINE_BREACH_ESCALATED, supervisor.id(),
                        String.valueOf(escalated.breachId()), letter, about));
    }

    /** The kinds of notification. */
    public enum Kind { NEW_TASK, TWELVE_HOUR_REMINDER, TWELVE_HOUR_BREACH, REPORT_LINKED, EMERGENCY_REPORTED,
        TRANSFER_REQUESTED, TRANSFER_ACCEPTED, TRANSFER_REFUSED,
        SEPARATION_REPORTED, SEPARATION_REMINDER, SERIOUS_CASE_REPORTED, REPORT_DUE,
        // issue 12 item 1
        DEADLINE_BREACH, DEADLINE_BREACH_ESCALATED }

    /**
     * What the app's notification names (issue 11 item 5): words a shared screen may show — the case number, the
     * step, the commune — never the child. {@code taskId} is the task a new-task notice opens; a notice-only one
     * (an agency with no part in the case) opens nothing of the case.
     */
    record About(String caseNumber, String stepKey, String stepName, String communeName, String taskId,
                 boolean noticeOnly) {

        static final About NOTHING = new About(null, null, null, null, null, false);

        static About ofCase(String caseNumber, String communeName) {
            return new About(caseNumber, null, null, communeName, null, false);
        }

        About asNotice() {
            return new About(caseNumber, stepKey, stepName, communeName, taskId, true);
        }
    }

    private About about(String caseNumber, List<Letters.Step> steps, List<TaskRow> open) {
        String stepKeys = steps.isEmpty() ? null
                : steps.stream().map(Letters.Step::stepKey).distinct().collect(Collectors.joining(","));
        String stepNames = steps.isEmpty() ? null : steps.stream()
                .map(s -> s.modelName() == null ? s.stepKey() : s.modelName()).distinct()
                .collect(Collectors.joining("; "));
        String commune = open.stream().map(TaskRow::communeCode).findFirst().map(this::communeName).orElse(null);
        return new About(caseNumber, stepKeys, stepNames, commune, null, false);
    }

    private String communeName(String code) {
        return code == null ? null : organisation.commune(code).map(vn.trean.organisation.Locality::name).orElse(null);
    }

    private void notify(UUID caseId, Kind kind, String agencyId, String subject, Letter letter, About about) {
        notify(caseId, kind, agencyId, subject, letter, about, null);
    }

    private void notify(UUID caseId, Kind kind, String agencyId, String subject, Letter letter, About about,
                        String detail) {
        Optional<Long> created = jdbc.sql("""
                        insert into notification (case_id, kind, agency_id, created_at, dedupe_key, detail,
                                                  case_number, step_key, step_name, commune_name, task_id, notice_only)
                        values (:c, :k, :a, now(), :key, :detail, :number, :stepKey, :stepName, :commune, :task, :notice)
                        on conflict (dedupe_key) do nothing
                        returning id""")
                .param("c", caseId).param("k", kind.name()).param("a", agencyId)
                .param("key", kind + ":" + subject + ":" + agencyId).param("detail", detail)
                .param("number", about.caseNumber()).param("stepKey", about.stepKey())
                .param("stepName", about.stepName()).param("commune", about.communeName())
                .param("task", about.taskId()).param("notice", about.noticeOnly())
                .query(Long.class).optional();
        created.ifPresent(id -> {
            inbox.deliver(id, agencyId);
            mail.enqueue(id, agencyId, letter);
        });
    }

    /**
     * The case number, read from the work list: a reminder or breach only comes while a 12-hour
     * step of the case is open, and the work list holds it with its case number. The case id stands
     * in should there be none, so that the mail still links to the case.
     */
    private static String caseNumber(UUID caseId, List<TaskRow> open) {
        return open.stream().map(TaskRow::caseNumber).findFirst().orElse(caseId.toString());
    }
}
