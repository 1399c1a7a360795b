package vn.trean.web;

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
import vn.trean.problem.ApiProblem;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.trean.audit.AuditLog;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.tasks.WorkList;

/** The case file (hồ sơ): header, timeline, plan and who read it, cut to the reader's role by {@link CaseSheet}. */
@Controller
class CasePages {

    private static final int VIEWERS_SHOWN = 100;

    private final CaseFiles cases;
    private final WorkList workList;
    private final AuditLog audit;
    private final Organisation organisation;
    private final UserDirectory users;
    private final CaseDocuments documents;
    private final MessageSource messages;
    private final TransferPages transfers;

    private final vn.trean.workflow.LaterSeparations separations;
    private final CaseClassifications classifications;

    CasePages(CaseFiles cases, WorkList workList, AuditLog audit, Organisation organisation, UserDirectory users,
              CaseDocuments documents, MessageSource messages, TransferPages transfers,
              vn.trean.workflow.LaterSeparations separations, CaseClassifications classifications) {
        this.classifications = classifications;
        this.transfers = transfers;
        this.separations = separations;
        this.cases = cases;
        this.documents = documents;
        this.messages = messages;
        this.workList = workList;
        this.audit = audit;
        this.organisation = organisation;
        this.users = users;
    }

    @GetMapping("/cases/{id}")
    String caseFile(@PathVariable UUID id, Model model) {
        CurrentUser me = users.requireCurrent();
        var view = cases.read(id, me).orElseThrow(() -> new CaseNotFoundException(id));
        TransferPages.Panel transfer = transfers.panel(view, me);
        // a commune that transferred the case away reads what it did, as the API cut it, and not who read the file
        CaseSheet sheet = transfer.sentAwayBy(view, me)
                ? new CaseSheet(view, false, view.report(), view.steps(), view.measures(), false)
                : CaseSheet.of(view, me);
        var viewers = sheet.viewers()
                ? audit.ofCase(id).stream().filter(e -> "CASE_READ".equals(e.action()))
                        .sorted((a, b) -> b.at().compareTo(a.at())).limit(VIEWERS_SHOWN).toList()
                : List.<AuditLog.AuditEntry>of();
        model.addAttribute("sheet", sheet);
        model.addAttribute("c", view);
        // read-only here (corrected at verification and assessment, or through the API); the page's read is audited
        model.addAttribute("dimensions", sheet.fullView() ? classifications.of(id).orElse(null) : null);
        model.addAttribute("open", workList.ofCase(id));
        model.addAttribute("viewers", viewers);
        model.addAttribute("commune", organisation.commune(view.communeCode()).map(Locality::name)
                .orElse(view.communeCode()));
        model.addAttribute("agencies", agencyNames());
        model.addAttribute("transfer", transfer);
        model.addAttribute("communeNames", organisation.communeNames(view.provinceCode()));
        var documentList = documents.list(id, me);
        model.addAttribute("documents", documentList);
        model.addAttribute("maxDocumentBytes", CaseDocuments.MAX_BYTES);
        model.addAttribute("canRequestSeparation", "OPEN".equals(view.status())
                && me.role() == vn.trean.identity.Role.COMMUNE_OFFICER);
        model.addAttribute("people", displayNames(Stream.concat(
                sheet.steps().stream().map(s -> s.completedBy()),
                Stream.concat(viewers.stream().map(AuditLog.AuditEntry::actor),
                        documentList.stream().map(CaseDocuments.DocumentInfo::uploadedBy))).toList()));
        return "case";
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
        } catch (vn.trean.problem.InvalidFieldsProblem invalid) {
            flash.addFlashAttribute("separationProblem", messages.getMessage("page.case.separation-reason-required", null, locale));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("separationProblem", messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), locale));
        }
        return "redirect:/cases/" + id;
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        for (Agency agency : organisation.agencies()) {
            names.put(agency.id(), agency.name());
        }
        return names;
    }

    /** The display names of the few people a case page names. */
    private Map<String, String> displayNames(List<String> usernames) {
        Map<String, String> names = new HashMap<>();
        for (String username : usernames) {
            if (username != null && !names.containsKey(username)) {
                names.put(username, users.find(username).map(CurrentUser::displayName).orElse(username));
            }
        }
        return names;
    }
}
