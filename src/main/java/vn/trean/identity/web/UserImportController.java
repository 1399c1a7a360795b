package vn.trean.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.ProblemDetail;
import vn.trean.identity.PeopleImport;
import vn.trean.identity.PeopleImport.Check;
import vn.trean.identity.PeopleImport.CheckedRow;
import vn.trean.identity.PeopleImport.Format;
import vn.trean.identity.PeopleImport.Imported;
import vn.trean.identity.PeopleImport.RowsRefused;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;

/** Bulk import of people from the CSV or XLSX template (the security rules admit ADMIN only). */
@RestController
@Tag(name = "Users", description = "Người dùng / people: role, agency, one-time passwords")
class UserImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PeopleImport imports;
    private final UserDirectory users;
    private final MessageSource messages;

    UserImportController(PeopleImport imports, UserDirectory users, MessageSource messages) {
        this.imports = imports;
        this.users = users;
        this.messages = messages;
    }

    /** One problem of a row: the field and what is wrong, in the caller's language. */
    record FieldMessage(String field, String code, String message) {
    }

    record RowReport(int row, String username, List<FieldMessage> problems) {
    }

    record CheckReport(boolean valid, int rows, long rowsWithProblems, List<RowReport> report) {
    }

    record ImportedUser(int row, String username, String displayName, Role role, String agencyId, String oneTimePassword) {
    }

    record ImportReport(int created, List<ImportedUser> users) {
    }

    @GetMapping("/api/admin/users/import-template")
    @Operation(summary = "The import template: CSV (UTF-8 with a byte-order mark) or XLSX (the roles on a second sheet)")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "csv") String format) {
        Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> Format.CSV;
            case "xlsx" -> Format.XLSX;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "format");
        };
        return ResponseEntity.ok()
                .contentType(f == Format.CSV ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : XLSX)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("trean-users." + f.name().toLowerCase(Locale.ROOT)).build().toString())
                .body(imports.template(f));
    }

    @PostMapping(path = "/api/admin/users/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import users from the template (part \"file\"): a dry run, or all rows in one transaction",
            description = "dryRun=true (the default) checks every row and writes nothing: 200 with each row's problems. "
                    + "dryRun=false writes all rows or, if any row has a problem, nothing (400 import-rows-refused, with "
                    + "the report). Created users get one-time passwords, shown only in this answer. At most "
                    + PeopleImport.MAX_ROWS + " rows and 1 MB; header exactly: username,displayName,email,role,agencyId.")
    ResponseEntity<?> importUsers(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "true") boolean dryRun)
            throws IOException {
        byte[] content = bounded(file);
        if (dryRun) {
            return ResponseEntity.ok().body(report(imports.check(content)));
        }
        List<Imported> imported = imports.importUsers(content, users.requireCurrent().username());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new ImportReport(imported.size(), imported.stream().map(i -> new ImportedUser(i.row(), i.username(),
                        i.displayName(), i.role(), i.agencyId(), i.oneTimePassword())).toList()));
    }

    /** Reads at most one byte past the limit: a larger upload is refused without being held in memory. */
    static byte[] bounded(MultipartFile file) throws IOException {
        if (file.getSize() > PeopleImport.MAX_BYTES) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "import-too-large", String.valueOf(PeopleImport.MAX_BYTES / 1024));
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(PeopleImport.MAX_BYTES + 1);
        }
    }

    @ExceptionHandler(RowsRefused.class)
    ProblemDetail refused(RowsRefused refused) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(refused.status());
        problem.setType(java.net.URI.create("https://trean.vn/problems/" + refused.code()));
        problem.setTitle(messages.getMessage("problem." + refused.code() + ".title", refused.args(), refused.code(), locale));
        problem.setDetail(messages.getMessage("problem." + refused.code() + ".detail", refused.args(), null, locale));
        problem.setProperty("code", refused.code());
        problem.setProperty("report", report(refused.check()).report());
        return problem;
    }

    private CheckReport report(Check check) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RowReport> rows = check.rows().stream().map(r -> new RowReport(r.row(), r.username(), messages(r, locale)))
                .toList();
        return new CheckReport(check.valid(), rows.size(), check.rowsWithProblems(), rows);
    }

    private List<FieldMessage> messages(CheckedRow row, Locale locale) {
        return row.problems().stream().map(p -> new FieldMessage(p.field(), p.code(),
                messages.getMessage("field." + p.code(), p.args().toArray(), p.code(), locale))).toList();
    }
}
