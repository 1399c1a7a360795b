package vn.trean.reporting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.ClosedCases;
import vn.trean.identity.CurrentUser;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.reporting.export.ExportFormat.Export;

/**
 * Issue 10 item 5: the closed cases of a period for the national child database (Decree 56, art. 30.3), in the
 * documented layout. The province supervisor exports their province; the installation's administrators any province
 * or all. Each export is in the audit log before its first byte is written, with the number of cases it holds.
 */
@Service
class OpenDataExports {

    /** The longest period one export covers. */
    static final int MAX_YEARS = 5;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ClosedCases closedCases;
    private final Pseudonyms pseudonyms;
    private final ExportAudit audit;
    private final ObjectMapper json;

    OpenDataExports(ClosedCases closedCases, Pseudonyms pseudonyms, ExportAudit audit, ObjectMapper json) {
        this.closedCases = closedCases;
        this.pseudonyms = pseudonyms;
        this.audit = audit;
        this.json = json;
    }

    /**
     * What {@code user} may export of what they asked: 403 for anyone but a province supervisor or an administrator,
     * and for a supervisor asking for another province; 400 naming the field for a period that ends before it starts
     * or spans more than {@link #MAX_YEARS} years, an unknown layout version or format, a malformed province code.
     */
    Export check(CurrentUser user, String province, LocalDate from, LocalDate to, String format, int layoutVersion) {
        String scope = switch (user.role()) {
            case PROVINCE_SUPERVISOR -> {
                if (province != null && !province.equals(user.provinceCode())) {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "export-other-province");
                }
                yield user.provinceCode();
            }
            case ADMIN -> province;
            default -> throw new ApiProblem(HttpStatus.FORBIDDEN, "export-forbidden");
        };
        List<Violation> invalid = new ArrayList<>();
        if (province != null && !province.matches("\\d{2}")) {
            invalid.add(new Violation("province", "pattern"));
        }
        if (to.isBefore(from)) {
            invalid.add(new Violation("to", "period-end-before-start"));
        } else if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            invalid.add(new Violation("to", "period-too-long", MAX_YEARS));
        }
        ExportFormat encoding = ExportFormat.parse(format);
        if (encoding == null) {
            invalid.add(new Violation("format", "one-of", "csv, json"));
        }
        if (!ExportedCase.LAYOUT_VERSIONS.contains(layoutVersion)) {
            invalid.add(new Violation("layoutVersion", "one-of", ExportedCase.LAYOUT_VERSIONS.stream()
                    .map(String::valueOf).collect(Collectors.joining(", "))));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidFieldsProblem(invalid);
        }
        return new Export(encoding, layoutVersion, scope, from, to);
    }

    /**
     * Writes the export to {@code out}, one case at a time. The count for the audit log and the cases written come
     * from one snapshot of the database (repeatable read), so that the two agree.
     *
     * @return how many cases were written
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long write(Export export, String actor, OutputStream out) throws IOException {
        var start = export.from().atStartOfDay(VIETNAM).toInstant();
        var end = export.to().plusDays(1).atStartOfDay(VIETNAM).toInstant();
        long rows = closedCases.count(export.provinceCode(), start, end);
        audit.exported(actor, export, rows);
        ExportFormat.Sink sink = export.format().open(out, export, json);
        try {
            closedCases.forEach(export.provinceCode(), start, end,
                    c -> sink.writeUnchecked(ExportedCase.of(c, pseudonyms)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sink.close(rows);
        return rows;
    }
}
