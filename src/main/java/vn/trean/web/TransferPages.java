package vn.trean.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.casefile.CaseView;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.workflow.CaseTransfers;

/**
 * Transfer of a case to another commune (issue 9 item 4) through plain form posts: the request on the case page,
 * and the receiving commune's list of requests with accept and refuse.
 */
@Controller
class TransferPages {

    private final CaseTransfers transfers;
    private final CaseFiles cases;
    private final UserDirectory users;
    private final Organisation organisation;
    private final MessageSource messages;

    TransferPages(CaseTransfers transfers, CaseFiles cases, UserDirectory users, Organisation organisation,
                  MessageSource messages) {
        this.transfers = transfers;
        this.cases = cases;
        this.users = users;
        this.organisation = organisation;
        this.messages = messages;
    }

    /**
     * What the case page shows of transfers: the latest ones, and for the officer of the case's commune the form
     * (communes of the province but its own) while the case is open and no request waits.
     *
     * @param duplicatesElsewhere open cases of other communes that may be about the same child, each a reason to
     *                            offer the transfer to its commune (issue 9 item 4); shown as a duplicate check
     *                            shows a case the officer need not know
     * @param chosenCommune       the commune the form starts with (one of {@code communes}), or null
     */
    record Panel(List<CaseTransfers.Transfer> history, boolean canRequest, List<Locality> communes,
                 List<CaseFiles.DuplicateCandidate> duplicatesElsewhere, String chosenCommune) {

        /** Whether the reader works in a commune that transferred the case to the one that runs it now. */
        boolean sentAwayBy(CaseView view, CurrentUser reader) {
            return reader.localityCode() != null && !reader.localityCode().equals(view.communeCode())
                    && history.stream().anyMatch(t -> "ACCEPTED".equals(t.state())
                            && reader.localityCode().equals(t.fromCommuneCode()));
        }
    }

    /** @param transferTo the commune a "transfer to …" offer named, to start the form with */
    Panel panel(CaseView view, CurrentUser me, String transferTo) {
        List<CaseTransfers.Transfer> history = transfers.ofCase(view.id(), me);
        boolean canRequest = me.role() == Role.COMMUNE_OFFICER && view.communeCode().equals(me.localityCode())
                && "OPEN".equals(view.status()) && history.stream().noneMatch(t -> "REQUESTED".equals(t.state()));
        if (!canRequest) {
            return new Panel(history, false, List.of(), List.of(), null);
        }
        List<Locality> communes = organisation.communes().stream()
                .filter(l -> view.provinceCode().equals(l.provinceCode()) && !l.code().equals(view.communeCode()))
                .toList();
        Set<String> offered = communes.stream().map(Locality::code).collect(Collectors.toSet());
        List<CaseFiles.DuplicateCandidate> duplicates = cases.openDuplicatesInOtherCommunes(view.id(), me).stream()
                .filter(d -> offered.contains(d.communeCode())).toList();
        return new Panel(history, true, communes, duplicates, offered.contains(transferTo) ? transferTo : null);
    }

    @PostMapping("/cases/{id}/transfer")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String toCommuneCode,
                   @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        try {
            transfers.request(id, toCommuneCode, reason, users.requireCurrent());
            flash.addFlashAttribute("transferNotice", text("page.transfer.requested"));
        } catch (CaseNotFoundException hidden) {
            throw hidden;
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("transferProblem", describe(problem));
        }
        return "redirect:/cases/" + id + "#transfer";
    }

    @GetMapping("/transfers")
    String incoming(Model model) {
        model.addAttribute("incoming", transfers.incoming(users.requireCurrent()));
        return "transfers";
    }

    @PostMapping("/transfers/{caseId}/{transferId}/accept")
    String accept(@PathVariable UUID caseId, @PathVariable UUID transferId, RedirectAttributes flash) {
        try {
            transfers.accept(caseId, transferId, users.requireCurrent());
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            flash.addFlashAttribute("problem", describe(problem));
            return "redirect:/transfers";
        }
        return "redirect:/cases/" + caseId + "?transferred";
    }

    @PostMapping("/transfers/{caseId}/{transferId}/refuse")
    String refuse(@PathVariable UUID caseId, @PathVariable UUID transferId,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        try {
            transfers.refuse(caseId, transferId, reason, users.requireCurrent());
            flash.addFlashAttribute("notice", text("page.transfers.refused"));
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            flash.addFlashAttribute("problem", describe(problem));
        }
        return "redirect:/transfers";
    }

    private String describe(ApiProblem problem) {
        return ProblemSentence.of(messages, problem, "page.transfer.field.");
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
