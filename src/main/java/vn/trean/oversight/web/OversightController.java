package vn.trean.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.oversight.Breaches;
import vn.trean.oversight.DeadlineBreach;

@RestController
@Tag(name = "Oversight", description = "Vi phạm thời hạn / deadline breaches")
class OversightController {

    private final Breaches breaches;
    private final UserDirectory users;

    OversightController(Breaches breaches, UserDirectory users) {
        this.breaches = breaches;
        this.users = users;
    }

    @GetMapping("/api/cases/{id}/breaches")
    @Operation(summary = "Deadline breaches of a case: which step, which agency, its deadline, how late, the reason",
            description = "Those who run or oversee the case see every breach; every other agency its own.")
    List<DeadlineBreach> breaches(@PathVariable UUID id) {
        return breaches.of(id, users.requireCurrent());
    }

    /**
     * The form is read as plain strings and checked by the service after the caller's right to it: one who may not
     * give the reason learns that first, whatever they sent.
     *
     * @param reasonCode WORKLOAD, WAITING_FOR_OTHER_AGENCY, CHILD_OR_FAMILY_UNREACHABLE, NEEDS_COURT_OR_EXPERT,
     *                   DATA_ENTRY_LATE or OTHER
     * @param note       at most 500 characters; required for OTHER
     */
    record ReasonRequest(String reasonCode, String note) {
    }

    @PostMapping("/api/cases/{id}/breaches/{breachId}/reason")
    @Operation(summary = "The reason of a breach, given once by the agency that held the step",
            description = "A reason code and a note (required for OTHER, at most 500 characters). 403 for anyone else "
                    + "who knows the case, 404 for one who does not, 409 when the reason was already given.")
    DeadlineBreach giveReason(@PathVariable UUID id, @PathVariable long breachId, @RequestBody ReasonRequest request) {
        return breaches.giveReason(id, breachId, users.requireCurrent(), request.reasonCode(), request.note());
    }
}
