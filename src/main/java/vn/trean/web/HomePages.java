package vn.trean.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ReturnPath;
import vn.trean.identity.UserDirectory;

/** The sign-in page, and where each role lands after signing in. */
@Controller
class HomePages {

    private final UserDirectory users;

    HomePages(UserDirectory users) {
        this.users = users;
    }

    /** The sign-in form; a page of this site to return to afterwards rides along as {@code next}. */
    @GetMapping("/login")
    String login(@RequestParam(name = ReturnPath.PARAMETER, required = false) String next, Model model) {
        ReturnPath.of(next).ifPresent(path -> model.addAttribute("next", path));
        return "login";
    }

    /**
     * Hotline operators take reports, supervisors watch deadlines, process owners keep the models and administrators
     * the organisation; everyone else starts from their tasks.
     */
    @GetMapping("/")
    String home() {
        CurrentUser me = users.requireCurrent();
        return switch (me.role()) {
            case HOTLINE_OPERATOR -> "redirect:/reports/new";
            case PROVINCE_SUPERVISOR -> "redirect:/board";
            case COLLABORATOR -> "redirect:/reports/mine";
            case PROCESS_OWNER -> "redirect:/models";
            case ADMIN, PROVINCE_ADMIN -> "redirect:/admin";
            default -> "redirect:/tasks";
        };
    }
}
