package vn.trean.reporting.serious;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.reporting.SeriousCaseReport;
import vn.trean.reporting.SeriousCaseReports;

/** Issue 10 item 4: the serious-case report to the province department. */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Reporting", description = "Báo cáo / reports upward")
class SeriousCaseReportController {

    private final SeriousCaseReports reports;
    private final UserDirectory users;

    SeriousCaseReportController(SeriousCaseReports reports, UserDirectory users) {
        this.reports = reports;
        this.users = users;
    }

    @PostMapping("/serious-report")
    @Operation(summary = "Report the case as serious to the province department",
            description = "Writes the short report (what happened at commune level, the measures of the first 12 hours, "
                    + "the status; the child by initials, age and sex only), stores it, records it on the timeline and "
                    + "sends it to the province department in the app and by mail. 201 with the report; 200 with the "
                    + "report already sent when the same case was reported less than a minute before (nothing is sent "
                    + "again). 404 for a case the caller may not see, 403 for anyone but the commune officer or "
                    + "chairman of the case, 409 when the province has no department in service.")
    ResponseEntity<SeriousCaseReport> send(@PathVariable UUID id) {
        var sent = reports.send(id, users.requireCurrent());
        return ResponseEntity.status(sent.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(sent.report());
    }

    @GetMapping("/serious-reports")
    @Operation(summary = "The serious-case reports sent about the case, newest first",
            description = "For those who see the whole case (the commune officer and chairman, the province supervisor); "
                    + "403 for the case's other agencies, 404 for a case the caller may not see.")
    List<SeriousCaseReport> list(@PathVariable UUID id) {
        return reports.ofCase(id, users.requireCurrent());
    }
}
