package vn.trean.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.reporting.ReportSubmissions;
import vn.trean.reporting.ReportSubmissions.ProvinceSubmissions;
import vn.trean.reporting.ReportSubmissions.Submission;
import vn.trean.reporting.document.PdfReportWriter;
import vn.trean.reporting.document.ReportDocument;
import vn.trean.reporting.document.XlsxReportWriter;
import vn.trean.reporting.PeriodicReports;

/** Issue 10 item 3: the periodic report as a document, and the figures a commune submits to the province. */
@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistics")
class PeriodicReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PeriodicReports reports;
    private final ReportSubmissions submissions;
    private final XlsxReportWriter xlsx;
    private final PdfReportWriter pdf;
    private final UserDirectory users;

    PeriodicReportController(PeriodicReports reports, ReportSubmissions submissions, XlsxReportWriter xlsx,
                             PdfReportWriter pdf, UserDirectory users) {
        this.reports = reports;
        this.submissions = submissions;
        this.xlsx = xlsx;
        this.pdf = pdf;
        this.users = users;
    }

    enum Format { XLSX, PDF }

    /** A commune's submission: the period; the figures are counted on the server, never sent. */
    record SubmissionRequest(LocalDate from, LocalDate to, String correctionNote) {
    }

    @GetMapping("/report")
    @Operation(summary = "The periodic report of my commune or province (or one of its communes) as XLSX or PDF",
            description = "The indicator tables of the 6-month or annual report (Circular 13/2021) for the cases "
                    + "received in the period, with the reporting unit, date and the restricted-access marking.")
    ResponseEntity<byte[]> report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String commune,
                                  @RequestParam(required = false) String province,
                                  @RequestParam(defaultValue = "xlsx") String format) {
        Format f = format(format);
        return download(reports.report(users.requireCurrent(), from, to, commune, province), f,
                "bao-cao-" + from + "-" + to);
    }

    @PostMapping("/submissions")
    @Operation(summary = "Submit my commune's figures for a period (frozen as submitted)",
            description = "For the commune's officer or chairman. A later submission for the same period is the next "
                    + "version and needs correctionNote (else 409 submission-frozen naming it).")
    ResponseEntity<Submission> submit(@RequestBody(required = false) SubmissionRequest request) {
        SubmissionRequest asked = request == null ? new SubmissionRequest(null, null, null) : request;
        Submission submission = reports.submit(users.requireCurrent(), asked.from(), asked.to(), asked.correctionNote());
        return ResponseEntity.status(HttpStatus.CREATED).body(submission);
    }

    @GetMapping("/submissions")
    @Operation(summary = "For the province supervisor: which communes have submitted for a period, and the sums")
    ProvinceSubmissions submissions(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return submissions.forProvince(users.requireCurrent(), from, to);
    }

    @GetMapping("/submissions/{id}/report")
    @Operation(summary = "A submission's report as it was frozen, as XLSX or PDF")
    ResponseEntity<byte[]> submitted(@PathVariable UUID id, @RequestParam(defaultValue = "xlsx") String format) {
        Format f = format(format);
        return download(reports.submitted(users.requireCurrent(), id), f, "bao-cao-da-gui-" + id);
    }

    private static Format format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> Format.XLSX;
            case "pdf" -> Format.PDF;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "format");
        };
    }

    private ResponseEntity<byte[]> download(ReportDocument document, Format format, String name) {
        byte[] body = format == Format.PDF ? pdf.write(document) : xlsx.write(document);
        return ResponseEntity.ok().contentType(format == Format.PDF ? MediaType.APPLICATION_PDF : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + format.name().toLowerCase(Locale.ROOT)).build().toString())
                .body(body);
    }
}
