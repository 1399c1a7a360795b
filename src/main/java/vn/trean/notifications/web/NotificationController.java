package vn.trean.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.notifications.Notifications;

@RestController
@Tag(name = "Notifications", description = "Thông báo / notifications")
class NotificationController {

    private final Notifications notifications;
    private final UserDirectory users;

    NotificationController(Notifications notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "Notifications for my agency: new tasks, 12-hour reminders and breaches, newest first")
    List<Notifications.Notification> notifications() {
        return notifications.forAgency(users.requireCurrent().agencyId());
    }
}
