package vn.trean.reporting.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;

/** Issue 10 item 5: the open-data export of closed cases ({@code docs/open-data-export.md}). */
@RestController
@Tag(name = "Reporting", description = "Báo cáo / reports upward")
class OpenDataExportController {

    private final OpenDataExports exports;
    private final UserDirectory users;

    OpenDataExportController(OpenDataExports exports, UserDirectory users) {
        this.exports = exports;
        this.users = users;
    }

    @GetMapping("/api/exports/closed-cases")
    @Operation(summary = "Closed cases for the national child database, as CSV or JSON (layout version 1 or 2)",
            description = "The cases closed from `from` to `to` (closing dates in Vietnam, both inclusive, at most 5 years), "
                    + "of the supervisor's province, or for an administrator of `province` (all provinces without it). "
                    + "The child appears under a pseudonym with age at the report and sex only. Streamed; every export "
                    + "is in the audit log with its period and number of cases. 400 naming the field for a bad period, "
                    + "format or layout version; 403 for other roles and for another province's supervisor. "
                    + "`layoutVersion` 1 (the default) or 2, which adds the case's dimensions (abuse sub-types, "
                    + "environment, special circumstances, the perpetrator's relation, age group and sex, the police's "
                    + "decision) and each measure's actual cost. The layouts are in docs/open-data-export.md.")
    void closedCases(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "csv") String format,
                     @RequestParam(required = false) String province,
                     @RequestParam(defaultValue = "" + ExportedCase.DEFAULT_LAYOUT_VERSION) int layoutVersion,
                     HttpServletResponse response) throws IOException {
        var user = users.requireCurrent();
        var export = exports.check(user, province, from, to, format, layoutVersion);
        response.setContentType(export.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(export)).build().toString());
        response.setHeader("X-Layout-Version", String.valueOf(export.layoutVersion()));
        exports.write(export, user.username(), response.getOutputStream());
    }

    /** Layout 1 keeps the name it was published with; a later layout says its version. */
    private static String fileName(ExportFormat.Export export) {
        String version = export.layoutVersion() == 1 ? "" : "-v" + export.layoutVersion();
        return "ho-so-da-dong-%s-%s%s.%s".formatted(export.from(), export.to(), version, export.format().extension());
    }
}
