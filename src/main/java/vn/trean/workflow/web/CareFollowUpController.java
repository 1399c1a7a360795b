package vn.trean.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.workflow.CareFollowUps;

/** Issue 12 item 6: the follow-up of a child in alternative care after the case closed. */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Care follow-up", description = "Theo dõi trẻ được chăm sóc thay thế / alternative care follow-up")
class CareFollowUpController {

    private final CareFollowUps followUps;
    private final UserDirectory users;

    CareFollowUpController(CareFollowUps followUps, UserDirectory users) {
        this.followUps = followUps;
        this.users = users;
    }

    /** The report step that opened, completed like any task with the form report_alternative_care. */
    record Opened(String taskId) {
    }

    @PostMapping("/care-changes")
    @Operation(summary = "Report a change of a child's alternative care",
            description = "The officer of the case's commune reports that the care arrangement of a child followed "
                    + "after closing changed: the carer's report opens now (201, Location /api/tasks/{taskId}) and "
                    + "the next 6-monthly report counts from it. 404 for a case the caller may not see, 403 "
                    + "care-change-not-allowed for others who see it, 409 care-follow-up-not-waiting when the child "
                    + "is not followed or a report is open.")
    ResponseEntity<Opened> reportChange(@PathVariable UUID id) {
        String taskId = followUps.reportChange(id, users.requireCurrent());
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId)).body(new Opened(taskId));
    }
}
