package vn.trean.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.notifications.Inbox;
import vn.trean.problem.ApiProblem;

/**
 * The signed-in person's notifications (issue 11 item 5): the list, newest first and paged; opening one marks it
 * read and goes on to its task or case (whose page applies need-to-know); "mark all read".
 */
@Controller
class NotificationPages {

    /** Notifications per page: a day's worth, light on a phone. */
    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 10_000;

    private final Inbox inbox;
    private final UserDirectory users;

    NotificationPages(Inbox inbox, UserDirectory users) {
        this.inbox = inbox;
        this.users = users;
    }

    /** A notification as the list shows it, its words already in the reader's language. */
    record Item(Inbox.Entry entry, String title, String line) {
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0 || page > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "page");
        }
        Locale locale = LocaleContextHolder.getLocale();
        Inbox.Page found = inbox.page(me(), page, PAGE_SIZE);
        List<Item> items = found.items().stream()
                .map(e -> new Item(e, inbox.title(e, locale), inbox.line(e, locale))).toList();
        model.addAttribute("items", items);
        model.addAttribute("paging", found);
        return "notifications";
    }

    /** Opens one: marks it read and goes where it leads; someone else's is not found, like a missing one. */
    @GetMapping("/notifications/{id}")
    String open(@PathVariable long id) {
        Inbox.Entry entry = inbox.open(me(), id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        return "redirect:" + inbox.target(entry);
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        inbox.readAll(me());
        return "redirect:/notifications";
    }

    private String me() {
        return users.requireCurrent().username();
    }

    /**
     * The bell on every page: the signed-in person's unread count, one count over an index of their unread rows.
     * A village collaborator has no bell: their pages are the short report form and their own reports.
     */
    @ControllerAdvice(basePackageClasses = NotificationPages.class)
    static class Bell {

        /** Counted up to here: the bell shows "99+" from 100 on. */
        static final int BELL_CAP = 100;

        private final Inbox inbox;
        private final UserDirectory users;

        Bell(Inbox inbox, UserDirectory users) {
            this.inbox = inbox;
            this.users = users;
        }

        @ModelAttribute("bell")
        Integer bell() {
            return users.current().filter(u -> u.role() != Role.COLLABORATOR)
                    .map(u -> inbox.unreadUpTo(u.username(), BELL_CAP)).orElse(null);
        }
    }
}
