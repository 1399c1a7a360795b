package vn.trean.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    ResponseEntity<Void> request(@PathVariable UUID id, @RequestBody(required = false) Request request) {
        separations.request(id, users.requireCurrent(), request == null ? null : request.reason());
        return ResponseEntity.accepted().build();
    }

    /** Why the officer asks for a separation (parents refuse the plan, repeat abuse…); checked after who may ask. */
    record Request(String reason) {
    }

    /** An extension: the new end date, never beyond 15 days from the decision, and why; checked after who may record it. */
    record Extension(LocalDate extendedUntil, String reason) {
    }

    @PostMapping("/separation-extensions")
    @Operation(summary = "Record an extension of a running separation",
            description = "400 naming extendedUntil when it is beyond 15 days from the decision; 409 when no separation is running.")
    ResponseEntity<Void> extend(@PathVariable UUID id, @RequestBody(required = false) Extension extension) {
        separations.extend(id, users.requireCurrent(), extension == null ? null : extension.extendedUntil(),
                extension == null ? null : extension.reason());
        return ResponseEntity.noContent().build();
    }
}
