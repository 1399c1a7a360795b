package vn.trean.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.trean.identity.OwnPassword;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.InvalidFieldsProblem;

/**
 * Changing one's own password: where a person signed in with a one-time password is sent before any other
 * page (the identity module's account check redirects here).
 */
@Controller
class AccountPages {

    private final OwnPassword password;
    private final UserDirectory users;
    private final MessageSource messages;

    AccountPages(OwnPassword password, UserDirectory users, MessageSource messages) {
        this.password = password;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "account-password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
                  Model model, Locale locale) {
        try {
            password.change(users.requireCurrent().username(), currentPassword, newPassword);
            return "redirect:/?password-changed";
        } catch (InvalidFieldsProblem problem) {
            Map<String, String> errors = new LinkedHashMap<>();
            problem.violations().forEach(v -> errors.putIfAbsent(v.field(),
                    messages.getMessage("field." + v.code(), v.args(), v.code(), locale)));
            model.addAttribute("errors", errors);
            return "account-password";
        }
    }
}
