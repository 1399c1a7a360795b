package vn.trean.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.casefile.CaseClassifications;
import vn.trean.casefile.CaseDocuments;
import org.springframework.http.HttpStatus;
import vn.trean.casefile.CaseView;
import vn.trean.identity.Role;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.tasks.TaskRow;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.LaterSeparations;
import vn.trean.workflow.PlanAmendments;
import vn.trean.workflow.CareFollowUps;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.trean.audit.AuditLog;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.reporting.SeriousCaseReports;
import vn.trean.tasks.WorkList;

/** The case file (hồ sơ): header, timeline, plan and who read it, cut to the reader's role by {@link CaseSheet}. */
@Controller
class CasePages {

    private static final int VIEWERS_SHOWN = 100;
    private static final String EXTENDED_UNTIL = "extendedUntil";

    private final CaseFiles cases;
    private final WorkList workList;
    private final AuditLog audit;
    private final Organisation organisation;
    private final UserDirectory users;
    private final CaseDocuments documents;
    private final MessageSource messages;
    private final TransferPages transfers;

    private final LaterSeparations separations;
    private final SeriousCaseReports seriousReports;
    private final PageFormat pageFormat;
    private final CaseClassifications classifications;
    private final CaseTimeline timeline;
    private final PlanAmendments amendments;
    private final CareFollowUps careFollowUps;

    CasePages(CaseFiles cases, WorkList workList, AuditLog audit, Organisation organisation, UserDirectory users,
              CaseDocuments documents, MessageSource messages, TransferPages transfers,
              LaterSeparations separations, SeriousCaseReports seriousReports, PageFormat pageFormat,
              CaseClassifications classifications, CaseTimeline timeline, PlanAmendments amendments,
              CareFollowUps careFollowUps) {
        this.amendments = amendments;
        this.careFollowUps = careFollowUps;
        this.classifications = classifications;
        this.timeline = timeline;
        this.transfers = transfers;
        this.separations = separations;
        this.seriousReports = seriousReports;
        this.pageFormat = pageFormat;
        this.cases = cases;
        this.documents = documents;
        this.messages = messages;
        this.workList = workList;
        this.audit = audit;
        this.organisation = organisation;
        this.users = users;
    }

    @GetMapping("/cases/{id}")
    String caseFile(@PathVariable UUID id, @RequestParam(required = false) String transferTo, Model model) {
        return casePage(id, users.requireCurrent(), transferTo, Map.of(), new FormErrors(messages), model);
    }

    /**
     * The case page; {@code transferTo} pre-chooses the transfer form's commune (a duplicate's offer),
     * {@code extension} and {@code extensionErrors} refill the extension form after a refusal.
     */
    private String casePage(UUID id, CurrentUser me, String transferTo, Map<String, String> extension,
                            FormErrors extensionErrors, Model model) {
        var view = cases.read(id, me).orElseThrow(() -> new CaseNotFoundException(id));
        TransferPages.Panel transfer = transfers.panel(view, me, transferTo);
        // a commune that transferred the case away reads what it did, as the API cut it, and not who read the file
        CaseSheet sheet = transfer.sentAwayBy(view, me)
                ? new CaseSheet(view, false, view.report(), view.steps(), view.measures(), false)
                : CaseSheet.of(view, me);
        var viewers = sheet.viewers() ? readers(audit.ofCase(id)) : List.<Reader>of();
        var open = workList.ofCase(id);
        model.addAttribute("sheet", sheet);
        model.addAttribute("c", view);
        // read-only here (corrected at verification and assessment, or through the API); the page's read is audited
        model.addAttribute("dimensions", sheet.fullView() ? classifications.of(id).orElse(null) : null);
        model.addAttribute("open", open);
        model.addAttribute("viewers", viewers);
        model.addAttribute("commune", organisation.commune(view.communeCode()).map(Locality::name)
                .orElse(view.communeCode()));
        Map<String, String> agencies = agencyNames();
        Map<String, String> communeNames = organisation.communeNames(view.provinceCode());
        model.addAttribute("agencies", agencies);
        model.addAttribute("transfer", transfer);
        model.addAttribute("communeNames", communeNames);
        var documentList = documents.list(id, me);
        model.addAttribute("documents", documentList);
        model.addAttribute("maxDocumentBytes", CaseDocuments.MAX_BYTES);
        model.addAttribute("canRequestSeparation", "OPEN".equals(view.status())
                && me.role() == Role.COMMUNE_OFFICER);
        model.addAttribute("separationLastDay", separationLastDay(view, me, open));
        model.addAttribute("extension", extension);
        model.addAttribute("extensionErrors", extensionErrors.asMap());
        // issue 10 item 4: the commune that runs the case reports it upward; whoever sees the whole case sees the reports
        model.addAttribute("canReportSerious", (me.role() == Role.COMMUNE_OFFICER || me.role() == Role.COMMUNE_CHAIRMAN)
                && view.communeCode().equals(me.localityCode()));
        // issue 12 item 7: the commune and the province start a new cycle for the child of a closed case
        model.addAttribute("canReopen", "CLOSED".equals(view.status()) && me.role().reopensCases());
        // issue 12 item 3: the officer amends the plan being carried out (before its review)
        model.addAttribute("canAmendPlan", "OPEN".equals(view.status()) && me.role() == Role.COMMUNE_OFFICER
                && amendments.mayRequest(id, me));
        model.addAttribute("planVersion", sheet.measures().isEmpty() ? null : amendments.planVersion(id));
        // issue 12 item 6: a child in alternative care after closing; its carer's report opens when the care changes
        model.addAttribute("canReportCareChange", "CLOSED".equals(view.status()) && me.role() == Role.COMMUNE_OFFICER
                && careFollowUps.mayReportChange(id, me));
        model.addAttribute("seriousReports", sheet.fullView() ? seriousReports.ofCase(id, me) : List.of());
        Map<String, String> people = displayNames(Stream.of(
                sheet.steps().stream().map(s -> s.completedBy()),
                sheet.steps().stream().map(s -> s.data() == null ? null : s.data().get(LaterSeparations.RECORDED_BY))
                        .filter(String.class::isInstance).map(String.class::cast),
                viewers.stream().map(Reader::username),
                documentList.stream().map(CaseDocuments.DocumentInfo::uploadedBy)).flatMap(s -> s).toList());
        model.addAttribute("timeline", timeline.of(sheet.steps(), agencies, communeNames,
                username -> people.computeIfAbsent(username, this::displayName)));
        model.addAttribute("people", people);
        return "case";
    }

    /**
     * While a separation is monitored, its officer and chairman (of the case's commune) may record an extension
     * up to this day, the 15th from the decision (the monitoring step is due when the 15 days end); otherwise null.
     */
    private static LocalDate separationLastDay(CaseView view, CurrentUser me, List<TaskRow> open) {
        boolean ofTheCase = (me.role() == Role.COMMUNE_OFFICER || me.role() == Role.COMMUNE_CHAIRMAN)
                && view.communeCode().equals(me.localityCode());
        return !ofTheCase ? null : open.stream()
                .filter(t -> CaseProcess.Step.MONITOR_SEPARATION.formKey().equals(t.stepKey()) && t.dueAt() != null)
                .map(t -> LocalDate.ofInstant(t.dueAt(), PageFormat.VIETNAM)).findFirst().orElse(null);
    }

    /** Uploads go through the page (CSRF-checked form post); refusals — type, size — come back as a message on the file. */
    @PostMapping("/cases/{id}/documents")
    String upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        var locale = LocaleContextHolder.getLocale();
        try {
            var info = documents.upload(id, users.requireCurrent(), file.getOriginalFilename(), file.getBytes());
            flash.addFlashAttribute("documentNotice", messages.getMessage("page.documents.uploaded",
                    new Object[] {info.filename()}, locale));
        } catch (CaseNotFoundException hidden) {
            throw hidden;
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("documentProblem", messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), locale));
        }
        return "redirect:/cases/" + id + "#documents";
    }

    /**
     * The officer's "Propose a temporary separation" (issue 9 item 6): the chairman's Form 07 step opens.
     * Refusals (a separation already running, no reason) come back as a message on the case page.
     */
    @PostMapping("/cases/{id}/separation-requests")
    String requestSeparation(@PathVariable UUID id, @RequestParam(name = "reason", required = false) String reason,
                             RedirectAttributes flash) {
        var locale = LocaleContextHolder.getLocale();
        try {
            separations.request(id, users.requireCurrent(), reason);
            flash.addFlashAttribute("separationNotice", messages.getMessage("page.case.separation-requested", null, locale));
        } catch (CaseNotFoundException hidden) {
            throw hidden;
        } catch (InvalidFieldsProblem invalid) {
            flash.addFlashAttribute("separationProblem", messages.getMessage("page.case.separation-reason-required", null, locale));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("separationProblem", messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), locale));
        }
        return "redirect:/cases/" + id;
    }

    /**
     * An extension of the running separation (issue 9 item 6), recorded by {@link LaterSeparations#extend}, which
     * decides who may and how far: a hidden case is the not-found page, another role the 403 page, a field it
     * refuses (beyond the 15 days, no reason) the case page again with the message beside the field.
     */
    @PostMapping("/cases/{id}/separation-extensions")
    String extendSeparation(@PathVariable UUID id,
                            @RequestParam(name = "extendedUntil", defaultValue = "") String extendedUntil,
                            @RequestParam(name = "reason", defaultValue = "") String reason, Model model,
                            RedirectAttributes flash) {
        CurrentUser me = users.requireCurrent();
        FormErrors errors = new FormErrors(messages);
        LocalDate until = AdminDates.parse(EXTENDED_UNTIL, extendedUntil, errors);
        var locale = LocaleContextHolder.getLocale();
        try {
            // an unreadable day goes on as none: the service still says first whether this reader may extend,
            // then refuses the missing day (the page's own message about the format comes first)
            separations.extend(id, me, until, reason);
            flash.addFlashAttribute("separationNotice", messages.getMessage("page.case.separation-extended",
                    new Object[] {AdminDates.show(until)}, locale));
            return "redirect:/cases/" + id;
        } catch (InvalidFieldsProblem invalid) {
            errors.addAll(invalid, Map.of());
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND || problem.status() == HttpStatus.FORBIDDEN) {
                throw problem;
            }
            flash.addFlashAttribute("separationProblem", messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), locale));
            return "redirect:/cases/" + id;
        }
        return casePage(id, me, null, Map.of(EXTENDED_UNTIL, extendedUntil, "reason", reason), errors, model);
    }

    /**
     * The officer's or chairman's "Report as a serious case" (issue 10 item 4): sent to the province department, or
     * the one sent a moment ago named again. A role that may not send gets the 403 page.
     */
    @PostMapping("/cases/{id}/serious-report")
    String reportSerious(@PathVariable UUID id, RedirectAttributes flash) {
        var locale = LocaleContextHolder.getLocale();
        try {
            var sent = seriousReports.send(id, users.requireCurrent());
            String at = pageFormat.dateTime(sent.report().sentAt());
            flash.addFlashAttribute("seriousNotice", sent.repeated()
                    ? messages.getMessage("page.case.serious-report-repeated", new Object[] {at}, locale)
                    : messages.getMessage("page.case.serious-report-sent", new Object[] {organisation
                            .agency(sent.report().recipientAgencyId()).map(Agency::name)
                            .orElse(sent.report().recipientAgencyId()), at}, locale));
        } catch (ApiProblem problem) {
            if (problem.status() != org.springframework.http.HttpStatus.CONFLICT) {
                throw problem;
            }
            flash.addFlashAttribute("seriousProblem", messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), locale));
        }
        return "redirect:/cases/" + id;
    }

    /**
     * The officer's "Propose a plan amendment" (issue 12 item 3): the proposal step opens and the officer lands on its
     * form. A refusal (no plan being carried out, its review open, another proposal pending) comes back on the case
     * page; a hidden case is the not-found page and another role the 403 page, as through the API.
     */
    @PostMapping("/cases/{id}/plan-amendments")
    String amendPlan(@PathVariable UUID id, RedirectAttributes flash) {
        return openedStep(id, flash, "amendmentProblem", "#plan-h",
                () -> amendments.request(id, users.requireCurrent()));
    }

    /** The officer's "Report a change of alternative care" (issue 12 item 6): lands on the carer's report. */
    @PostMapping("/cases/{id}/care-changes")
    String reportCareChange(@PathVariable UUID id, RedirectAttributes flash) {
        return openedStep(id, flash, "careProblem", "", () -> careFollowUps.reportChange(id, users.requireCurrent()));
    }

    /**
     * A step the officer opens from the case page lands on its task; a refusal of the moment (409) comes back on the
     * case page as {@code problemKey}; a hidden case is the not-found page and another role the 403 page, as through
     * the API.
     */
    private String openedStep(UUID id, RedirectAttributes flash, String problemKey, String anchor,
                              java.util.function.Supplier<String> open) {
        try {
            return "redirect:/tasks/" + open.get();
        } catch (ApiProblem problem) {
            if (problem.status() != org.springframework.http.HttpStatus.CONFLICT) {
                throw problem;
            }
            flash.addFlashAttribute(problemKey, messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), LocaleContextHolder.getLocale()));
            return "redirect:/cases/" + id + anchor;
        }
    }

    /** Reopen a closed case (issue 12 item 7): a new case for the same child, linked to this one, opens on its page. */
    @PostMapping("/cases/{id}/reopen")
    String reopen(@PathVariable UUID id) {
        return "redirect:/cases/" + cases.reopen(id, users.requireCurrent()).id();
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        for (Agency agency : organisation.agencies()) {
            names.put(agency.id(), agency.name());
        }
        return names;
    }

    /** Who read the file: one line a person, with how often and when last, the latest reader first. */
    record Reader(String username, long count, java.time.Instant last) {
    }

    private static List<Reader> readers(List<AuditLog.AuditEntry> entries) {
        Map<String, Reader> byPerson = new HashMap<>();
        for (AuditLog.AuditEntry e : entries) {
            if ("CASE_READ".equals(e.action())) {
                byPerson.merge(e.actor(), new Reader(e.actor(), 1, e.at()), (a, b) -> new Reader(a.username(),
                        a.count() + 1, a.last().isAfter(b.last()) ? a.last() : b.last()));
            }
        }
        return byPerson.values().stream().sorted((a, b) -> b.last().compareTo(a.last())).limit(VIEWERS_SHOWN).toList();
    }

    private String displayName(String username) {
        return CaseTimeline.ENGINE_ACTOR.equals(username)
                ? messages.getMessage("page.case.engine", null, LocaleContextHolder.getLocale())
                : users.find(username).map(CurrentUser::displayName).orElse(username);
    }

    /** The display names of the few people a case page names. */
    private Map<String, String> displayNames(List<String> usernames) {
        Map<String, String> names = new HashMap<>();
        for (String username : usernames) {
            if (username != null && !names.containsKey(username)) {
                names.put(username, displayName(username));
            }
        }
        return names;
    }
}
