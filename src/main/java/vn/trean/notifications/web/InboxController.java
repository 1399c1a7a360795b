package vn.trean.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.notifications.Inbox;
import vn.trean.problem.ApiProblem;

/**
 * The signed-in person's own notifications (issue 11 item 5). {@code GET /api/notifications} stays the agency's list
 * it always was (clients and tests read it); the inbox beside it is the person's, with read state and unread count.
 * Someone else's notification answers 404, as a missing one does.
 */
@RestController
@Tag(name = "Notifications", description = "Thông báo / notifications")
class InboxController {

    /** Far beyond any real inbox; bounds the offset the database is asked for. */
    private static final int MAX_PAGE = 10_000;

    private final Inbox inbox;
    private final UserDirectory users;

    InboxController(Inbox inbox, UserDirectory users) {
        this.inbox = inbox;
        this.users = users;
    }

    /** A notification as the API shows it: the words a shared screen may show, and where opening it leads. */
    record Item(long id, String kind, UUID caseId, String caseNumber, String title, String text, boolean unread,
                Instant createdAt, Instant readAt, String href) {
    }

    record InboxPage(List<Item> items, int page, int size, boolean hasNext, int unread) {
    }

    @GetMapping("/api/notifications/inbox")
    @Operation(summary = "My notifications, newest first, paged, with my unread count")
    InboxPage page(@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(Inbox.MAX_PAGE_SIZE) int size) {
        Locale locale = LocaleContextHolder.getLocale();
        Inbox.Page found = inbox.page(me(), page, size);
        return new InboxPage(found.items().stream().map(e -> item(e, locale)).toList(), found.page(), found.size(),
                found.hasNext(), found.unread());
    }

    @GetMapping("/api/notifications/unread")
    @Operation(summary = "How many of my notifications are unread (the bell)")
    Map<String, Integer> unread() {
        return Map.of("unread", inbox.unread(me()));
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Marks one of my notifications read; answers it with where it leads (href: its task or case)")
    Item read(@PathVariable long id) {
        Inbox.Entry entry = inbox.open(me(), id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        Item item = item(entry, LocaleContextHolder.getLocale());
        return new Item(item.id(), item.kind(), item.caseId(), item.caseNumber(), item.title(), item.text(),
                item.unread(), item.createdAt(), item.readAt(), inbox.target(entry));
    }

    @PostMapping("/api/notifications/read-all")
    @Operation(summary = "Marks all my notifications read")
    Map<String, Integer> readAll() {
        inbox.readAll(me());
        return Map.of("unread", inbox.unread(me()));
    }

    private Item item(Inbox.Entry e, Locale locale) {
        return new Item(e.id(), e.kind(), e.caseId(), e.caseNumber(), inbox.title(e, locale), inbox.line(e, locale),
                e.unread(), e.createdAt(), e.readAt(), e.href());
    }

    private String me() {
        return users.requireCurrent().username();
    }
}
