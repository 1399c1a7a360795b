package vn.trean.identity;

import java.util.List;

/**
 * Bulk import of people from the CSV or XLSX template. All or nothing: {@link #importUsers} writes every row in
 * one transaction, or nothing at all when any row has a problem. A file is refused as a whole (an
 * {@code ApiProblem}, 400) when its columns are not the template's, it has more than {@link #MAX_ROWS} rows, it
 * is larger than {@link #MAX_BYTES} or its text is not UTF-8.
 */
public interface PeopleImport {

    /** The template's columns, in order: exactly what creating one user takes. */
    List<String> COLUMNS = List.of("username", "displayName", "email", "role", "agencyId");
    int MAX_ROWS = 1000;
    int MAX_BYTES = 1024 * 1024;

    enum Format {
        CSV, XLSX;

        /** An XLSX file is a zip archive; anything else is read as CSV. */
        public static Format of(byte[] content) {
            return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
                    ? XLSX : CSV;
        }
    }

    /** A problem of one field of one row: a message code {@code field.<code>} and its arguments. */
    record RowProblem(String field, String code, List<Object> args) {
    }

    /** A row as read (row 1 is the header, so the first user is row 2, as a spreadsheet numbers it). */
    record CheckedRow(int row, String username, String displayName, String email, String role, String agencyId,
                      List<RowProblem> problems) {
    }

    record Check(List<CheckedRow> rows) {
        public boolean valid() {
            return rows.stream().allMatch(r -> r.problems().isEmpty());
        }

        public long rowsWithProblems() {
            return rows.stream().filter(r -> !r.problems().isEmpty()).count();
        }
    }

    record Imported(int row, String username, String displayName, Role role, String agencyId, String oneTimePassword)
            implements java.io.Serializable {
    }

    /** Confirming a file in which some row has a problem: nothing was written. */
    final class RowsRefused extends vn.trean.problem.ApiProblem {
        private final transient Check check;

        public RowsRefused(Check check) {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, "import-rows-refused", check.rowsWithProblems());
            this.check = check;
        }

        public Check check() {
            return check;
        }
    }

    byte[] template(Format format);

    /** Reads and validates every row; writes nothing. */
    Check check(byte[] content);

    /** Creates every user of the file in one transaction, each with a one-time password, or throws {@link RowsRefused}. */
    List<Imported> importUsers(byte[] content, String actor);
}
