package vn.trean.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The app's 403 page, for refusals made before any page controller runs: Spring Security forwards here
 * when a role may not open the engine's webapps (/camunda/app/…), which are pages, not an API.
 */
@Controller
class ForbiddenPage {

    private final MessageSource messages;

    ForbiddenPage(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/forbidden")
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("title", messages.getMessage("problem.forbidden.title", null, locale));
        model.addAttribute("detail", messages.getMessage("problem.forbidden.detail", null, locale));
        return "error-page";
    }
}
