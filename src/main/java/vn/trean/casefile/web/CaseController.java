package vn.trean.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.casefile.CaseView;
import vn.trean.casefile.OpenedCase;
import vn.trean.identity.UserDirectory;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Hồ sơ vụ việc / case files")
class CaseController {

    private final CaseFiles cases;
    private final UserDirectory users;

    CaseController(CaseFiles cases, UserDirectory users) {
        this.cases = cases;
        this.users = users;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a case file",
            description = "Only for those who need to know it; every read is audited. 404 for an unknown case and for one the caller may not see.")
    CaseView read(@PathVariable UUID id) {
        return cases.read(id, users.requireCurrent()).orElseThrow(() -> new CaseNotFoundException(id));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen a closed case", description = "Opens a new case for the same child, linked to the closed one.")
    ResponseEntity<OpenedCase> reopen(@PathVariable UUID id) {
        OpenedCase opened = cases.reopen(id, users.requireCurrent());
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
    }
}
