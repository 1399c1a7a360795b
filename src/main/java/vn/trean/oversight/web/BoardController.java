package vn.trean.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Organisation;
import vn.trean.oversight.Board;
import vn.trean.oversight.BoardQuery;

@RestController
@RequestMapping("/api/board")
@Tag(name = "Oversight")
class BoardController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** An export is for a spreadsheet, not a dump: 10,000 overdue steps are 200 pages of the board. */
    private static final int MAX_EXPORT = 10_000;

    private final Board board;
    private final UserDirectory users;
    private final Organisation organisation;

    BoardController(Board board, UserDirectory users, Organisation organisation) {
        this.board = board;
        this.users = users;
        this.organisation = organisation;
    }

    @GetMapping
    @Operation(summary = "The overdue board of my commune or province, a page of each list with its count",
            description = "Overdue steps (filtered by commune, agency, step, emergency; sorted by due, late, case, step or "
                    + "commune; page of at most 50), the cases inside their 12-hour window (windowPage), open cases by "
                    + "step, open emergencies and cases without a receiving agency (the first 50 of each, counts beside).")
    Board.OverdueBoard overdue(@RequestParam(defaultValue = "DUE") Board.Sort sort,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "0") int windowPage,
                               @RequestParam(defaultValue = "" + BoardQuery.MAX_SIZE) int size,
                               @RequestParam(required = false) String commune,
                               @RequestParam(required = false) String agency,
                               @RequestParam(required = false) String step,
                               @RequestParam(defaultValue = "false") boolean emergency) {
        CurrentUser me = users.requireCurrent();
        board.requireBoard(me);
        var filter = new BoardQuery.Filter(commune, agency, step, emergency);
        return board.board(me, new BoardQuery(filter, sort, page, windowPage, size));
    }

    @GetMapping("/compliance")
    @Operation(summary = "Deadline compliance by commune for cases received in a period (dates inclusive)")
    List<Board.ComplianceRow> compliance(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return board.compliance(users.requireCurrent(), from, to);
    }

    @GetMapping("/compliance.{format:csv|xlsx}")
    @Operation(summary = "Deadline compliance of a period as CSV (UTF-8 with a byte-order mark) or an Excel workbook; "
            + "0/0 said in words")
    ResponseEntity<byte[]> complianceExport(@PathVariable String format,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CurrentUser me = users.requireCurrent();
        var rows = board.compliance(me, from, to);
        String name = "tuan-thu-" + from + "-" + to + "." + format;
        return "csv".equals(format) ? download(OverdueExport.complianceCsv(rows, communes(me)), CSV, name)
                : download(OverdueExport.complianceXlsx(rows, communes(me)), XLSX, name);
    }

    @GetMapping("/overdue.{format:csv|xlsx}")
    @Operation(summary = "The overdue steps as CSV or an Excel workbook, filtered and sorted as the board "
            + "(at most 10,000 rows)")
    ResponseEntity<byte[]> overdueExport(@PathVariable String format,
                                         @RequestParam(defaultValue = "DUE") Board.Sort sort,
                                         @RequestParam(required = false) String commune,
                                         @RequestParam(required = false) String agency,
                                         @RequestParam(required = false) String step,
                                         @RequestParam(defaultValue = "false") boolean emergency) {
        CurrentUser me = users.requireCurrent();
        board.requireBoard(me);
        var rows = board.overdueForExport(me, new BoardQuery.Filter(commune, agency, step, emergency), sort, MAX_EXPORT);
        return "csv".equals(format) ? download(OverdueExport.csv(rows, communes(me), agencies()), CSV, "qua-han.csv")
                : download(OverdueExport.xlsx(rows, communes(me), agencies()), XLSX, "qua-han.xlsx");
    }

    private Map<String, String> communes(CurrentUser me) {
        return organisation.communeNames(me.provinceCode());
    }

    private Map<String, String> agencies() {
        return organisation.agencies().stream().collect(Collectors.toMap(Agency::id, Agency::name, (a, b) -> a));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
