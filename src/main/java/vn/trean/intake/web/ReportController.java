package vn.trean.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.OpenedCase;
import vn.trean.intake.FileReportRequest;
import vn.trean.intake.Intake;

@RestController
@Tag(name = "Reports", description = "Tiếp nhận thông tin / receiving reports")
class ReportController {

    private final Intake intake;

    ReportController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/reports/duplicates")
    @Operation(summary = "Possible duplicates of a report, before filing it",
            description = "Cases of the same commune whose child has the same name (ignoring tone marks and case) "
                    + "and a compatible date of birth or age. The report is validated as for filing.")
    List<CaseFiles.DuplicateCandidate> duplicates(@Valid @RequestBody FileReportRequest request) {
        return intake.possibleDuplicates(request);
    }

    @PostMapping("/api/cases/{caseId}/reports")
    @Operation(summary = "Link a report to an existing open case instead of opening a new one")
    ResponseEntity<Void> link(@PathVariable UUID caseId, @Valid @RequestBody FileReportRequest request) {
        intake.linkToCase(caseId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/reports")
    @Operation(summary = "File a report (Form 01)",
            description = "Opens a case and starts its process in one transaction: a 201 means both are committed. "
                    + "The 12-hour clock starts at receivedAt.")
    ResponseEntity<OpenedCase> file(@Valid @RequestBody FileReportRequest request) {
        OpenedCase opened = intake.file(request);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
    }
}
