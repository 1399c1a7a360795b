package vn.trean.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.identity.IntegrationAdministration;
import vn.trean.identity.IntegrationAdministration.Issued;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * Integration accounts and their API tokens (issue 8, item 5). A new token's value is shown once, in the answer to
 * the post that issued it: never in a URL, never stored in the session. The security rules admit ADMIN only to {@code /admin/**}.
 */
@Controller
class IntegrationPages {

    /** Expiry dates are entered as days, in the country's zone: a token expires at the end of that day. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final IntegrationAdministration integrations;
    private final UserDirectory users;
    private final AdminForms forms;

    IntegrationPages(IntegrationAdministration integrations, UserDirectory users, AdminForms forms) {
        this.integrations = integrations;
        this.users = users;
        this.forms = forms;
    }

    record IntegrationForm(String name, String displayName, String role, String agencyId, List<String> scopes) {
    }

    @GetMapping("/admin/integrations")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new IntegrationForm("", "", "", "", List.of()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("integrations", integrations.integrations());
        model.addAttribute("scopes", integrations.scopes());
        model.addAttribute("today", LocalDate.now(ZONE));
        forms.addChoices(model);
        return "admin-integrations";
    }

    @PostMapping("/admin/integrations")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String agencyId,
                  @RequestParam(required = false) List<String> scopes, Model model, RedirectAttributes flash) {
        List<String> chosen = scopes == null ? List.of() : scopes;
        try {
            var created = integrations.create(name, displayName, role, agencyId, chosen, actor());
            flash.addFlashAttribute("notice", forms.text("admin.integrations.created", created.name()));
            return "redirect:/admin/integrations";
        } catch (ApiProblem problem) {
            model.addAttribute("form", new IntegrationForm(name, displayName, role, agencyId, chosen));
            model.addAttribute("errors", forms.errors(problem));
            return list(model);
        }
    }

    @PostMapping("/admin/integrations/{id}/tokens")
    String issue(@PathVariable UUID id, @RequestParam(defaultValue = "") String expiresOn, Model model,
                 HttpServletResponse response) {
        try {
            Issued issued = integrations.issueToken(id, expiry(expiresOn), actor());
            // shown in the answer to this post only: a flash attribute would keep it in the session table
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("issuedToken", issued.token());
            model.addAttribute("issuedFor", id.toString());
            return list(model);
        } catch (InvalidFieldsProblem problem) {
            model.addAttribute("tokenErrors", Map.of(id.toString(), forms.errors(problem).values().iterator().next()));
            return list(model);
        }
    }

    @PostMapping("/admin/integrations/{id}/tokens/{tokenId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID tokenId, RedirectAttributes flash) {
        integrations.revoke(id, tokenId, actor());
        flash.addFlashAttribute("notice", forms.text("admin.integrations.revoked"));
        return "redirect:/admin/integrations";
    }

    private static Instant expiry(String day) {
        if (day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.trim()).plusDays(1).atStartOfDay(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldsProblem(List.of(new Violation("expiresOn", "date")));
        }
    }

    private String actor() {
        return users.requireCurrent().username();
    }
}
