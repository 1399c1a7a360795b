package vn.trean.web;

import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.identity.UserDirectory;
import vn.trean.oversight.Breaches;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/**
 * The case page's form for a breach's reason (issue 12 item 1), given by {@link Breaches#giveReason}, which decides
 * who may: a hidden case is the not-found page, another agency the 403 page; a refused form (no reason, a note
 * missing or too long) or a reason already given comes back as a message on the case page, beside the breaches.
 */
@Controller
class BreachPages {

    private final Breaches breaches;
    private final UserDirectory users;
    private final MessageSource messages;

    BreachPages(Breaches breaches, UserDirectory users, MessageSource messages) {
        this.breaches = breaches;
        this.users = users;
        this.messages = messages;
    }

    @PostMapping("/cases/{id}/breaches/{breachId}/reason")
    String giveReason(@PathVariable UUID id, @PathVariable long breachId,
                      @RequestParam(name = "reasonCode", defaultValue = "") String reasonCode,
                      @RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes flash) {
        var locale = LocaleContextHolder.getLocale();
        try {
            breaches.giveReason(id, breachId, users.requireCurrent(), reasonCode, note);
            flash.addFlashAttribute("breachNotice", messages.getMessage("page.breaches.reason-given", null, locale));
        } catch (InvalidFieldsProblem invalid) {
            flash.addFlashAttribute("breachProblem", invalid.violations().stream()
                    .map(v -> messages.getMessage("page.breaches.field." + v.field(), null, v.field(), locale) + ": "
                            + messages.getMessage("field." + v.code(), v.args(), v.code(), locale))
                    .collect(Collectors.joining(" ")));
            flash.addFlashAttribute("breachProblemId", breachId);
        } catch (ApiProblem problem) {
            if (problem.status() != HttpStatus.CONFLICT) {
                throw problem;
            }
            flash.addFlashAttribute("breachProblem", messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), locale));
            flash.addFlashAttribute("breachProblemId", breachId);
        }
        return "redirect:/cases/" + id + "#breaches";
    }
}
