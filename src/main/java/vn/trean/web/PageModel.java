package vn.trean.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.oversight.SupervisedArea;

/** What every page's header needs: who is signed in, what they may open, and the language links. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final UserDirectory users;

    PageModel(UserDirectory users) {
        this.users = users;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return users.current().orElse(null);
    }

    /** The deadlines' now (the engine clock), from which the pages' countdowns count. */
    @ModelAttribute("now")
    java.time.Instant now() {
        return vn.trean.workflow.EngineClock.now();
    }

    @ModelAttribute("nav")
    Nav nav() {
        return users.current().map(u -> new Nav(u.role().readsCaseFiles(), u.role().receivesReports(),
                SupervisedArea.of(u).isPresent(), u.role().usesEngineTools(),
                u.role() == Role.ADMIN || u.role() == Role.PROVINCE_ADMIN, u.role() == Role.ADMIN,
                u.role().filesQuickReports(), u.role().receivesReports() || u.role().filesQuickReports()))
                .orElse(new Nav(false, false, false, false, false, false, false, false));
    }

    /** The same page in the other language; the interceptor stores the choice in a cookie. */
    @ModelAttribute("langUrls")
    LangUrls langUrls(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            // a re-rendered form (POST) switches on the page it was opened from
            return new LangUrls(request.getRequestURI() + "?lang=vi", request.getRequestURI() + "?lang=en");
        }
        var current = ServletUriComponentsBuilder.fromRequest(request);
        return new LangUrls(current.replaceQueryParam("lang", "vi").build().toUriString(),
                current.replaceQueryParam("lang", "en").build().toUriString());
    }

    /**
     * @param board       the board and the statistics: whoever oversees an area ({@link SupervisedArea}, the one rule)
     * @param admin opens the administration pages (the security rules decide; this only shows the link)
     * @param nationalAdmin administers the whole installation: integrations and the holiday calendar too
     * @param quickReport files through the short form of a phone (a village collaborator; no task list)
     * @param myReports follows the reports they filed
     */
    record Nav(boolean tasks, boolean newReport, boolean board, boolean engineTools, boolean admin,
               boolean nationalAdmin, boolean quickReport, boolean myReports) {
    }

    record LangUrls(String vi, String en) {
    }
}
