package vn.trean.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.casefile.OpenedCase;
import vn.trean.intake.FileReportRequest;
import vn.trean.intake.Intake;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Tiếp nhận thông tin / receiving reports")
class ReportController {

    private final Intake intake;

    ReportController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping
    @Operation(summary = "File a report (Form 01)",
            description = "Opens a case and starts its process in one transaction: a 201 means both are committed. "
                    + "The 12-hour clock starts at receivedAt.")
    ResponseEntity<OpenedCase> file(@Valid @RequestBody FileReportRequest request) {
        OpenedCase opened = intake.file(request);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
    }
}
