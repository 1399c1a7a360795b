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
import vn.trean.workflow.PlanAmendments;

/** Issue 12 item 3: the officer opens an amendment of the plan being carried out. */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Plan amendments", description = "Điều chỉnh kế hoạch / plan amendments")
class PlanAmendmentController {

    private final PlanAmendments amendments;
    private final UserDirectory users;

    PlanAmendmentController(PlanAmendments amendments, UserDirectory users) {
        this.amendments = amendments;
        this.users = users;
    }

    /** The proposal step that opened: the officer completes it like any task, with the form it comes with. */
    record Opened(String taskId) {
    }

    @PostMapping("/plan-amendments")
    @Operation(summary = "Open a plan amendment",
            description = "The officer of the case's commune opens a proposal to add, change or stop measures of the "
                    + "plan being carried out; it is a task (201, Location /api/tasks/{taskId}) completed with the form "
                    + "propose_amendment, then approved by the chairman within 2 working days. 404 for a case the "
                    + "caller may not see, 403 amendment-not-allowed for others who see it, 409 plan-not-running, "
                    + "plan-under-review or amendment-pending.")
    ResponseEntity<Opened> open(@PathVariable UUID id) {
        String taskId = amendments.request(id, users.requireCurrent());
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId)).body(new Opened(taskId));
    }
}
