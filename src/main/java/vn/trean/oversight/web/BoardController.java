package vn.trean.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.oversight.Board;

@RestController
@RequestMapping("/api/board")
@Tag(name = "Oversight")
class BoardController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Board board;
    private final UserDirectory users;

    BoardController(Board board, UserDirectory users) {
        this.board = board;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "The overdue board of my commune or province",
            description = "Overdue steps (sorted by due, late, case, step or commune), cases inside their 12-hour window, open cases by step.")
    Board.OverdueBoard overdue(@RequestParam(defaultValue = "DUE") Board.Sort sort) {
        return board.board(users.requireCurrent(), sort);
    }

    @GetMapping("/compliance")
    @Operation(summary = "Deadline compliance by commune for cases received in a period (dates inclusive)")
    List<Board.ComplianceRow> compliance(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return board.compliance(users.requireCurrent(), from, to);
    }

    @GetMapping("/overdue.csv")
    @Operation(summary = "The overdue steps as CSV")
    ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "DUE") Board.Sort sort) {
        var rows = board.board(users.requireCurrent(), sort).overdue();
        return download(OverdueExport.csv(rows), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                "qua-han.csv");
    }

    @GetMapping("/overdue.xlsx")
    @Operation(summary = "The overdue steps as an Excel workbook")
    ResponseEntity<byte[]> xlsx(@RequestParam(defaultValue = "DUE") Board.Sort sort) {
        var rows = board.board(users.requireCurrent(), sort).overdue();
        return download(OverdueExport.xlsx(rows), XLSX, "qua-han.xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
