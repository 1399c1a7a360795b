package vn.trean.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.workflow.LaterSeparations;

/** Issue 9 item 6: a temporary separation requested later in the case, and its extensions within the 15 days. */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Separation", description = "Tạm thời cách ly / temporary separation (Decree 56, art. 32)")
class SeparationController {

    private final LaterSeparations separations;
    private final UserDirectory users;

    SeparationController(LaterSeparations separations, UserDirectory users) {
        this.separations = separations;
        this.users = users;
    }

    @PostMapping("/separation-requests")
    @Operation(summary = "Propose a temporary separation",
            description = "The case's officer asks the chairman to decide a separation (Form 07). 404 for a case the "
                    + "caller may not see, 403 for others who see it, 409 while a separation is running or the case is closed.")
    ResponseEntity<Void> request(@PathVariable UUID id) {
        separations.request(id, users.requireCurrent());
        return ResponseEntity.accepted().build();
    }

    /** An extension: the new end date, never beyond 15 days from the decision, and why. */
    record Extension(@NotNull LocalDate extendedUntil, @NotNull @Size(max = 2000) String reason) {
    }

    @PostMapping("/separation-extensions")
    @Operation(summary = "Record an extension of a running separation",
            description = "400 naming extendedUntil when it is beyond 15 days from the decision; 409 when no separation is running.")
    ResponseEntity<Void> extend(@PathVariable UUID id, @Valid @RequestBody Extension extension) {
        separations.extend(id, users.requireCurrent(), extension.extendedUntil(), extension.reason());
        return ResponseEntity.noContent().build();
    }
}
