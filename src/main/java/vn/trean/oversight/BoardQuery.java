package vn.trean.oversight;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import vn.trean.problem.ApiProblem;
import vn.trean.workflow.CaseProcess;

/**
 * What the board shows of its lists: a filter, the order of the overdue steps, and a page of each paged list
 * (the overdue steps, the 12-hour window) of at most {@link #MAX_SIZE} rows. Checked on construction: a wrong
 * value is a 400 problem naming the parameter.
 *
 * @param page       the page of the overdue steps, from 0
 * @param windowPage the page of the cases inside their 12-hour window, from 0
 */
public record BoardQuery(Filter filter, Board.Sort sort, int page, int windowPage, int size) {

    public static final int MAX_SIZE = 50;
    /** Far past the last page of a province (50,000 overdue steps are 1,000 pages of 50). */
    public static final int MAX_PAGE = 100_000;

    public static final BoardQuery FIRST = new BoardQuery(Filter.NONE, Board.Sort.DUE, 0, 0, MAX_SIZE);

    private static final Pattern COMMUNE = Pattern.compile("\\d{5}");
    private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Narrows the overdue steps and the 12-hour window; empty strings count as no filter. */
    public record Filter(String communeCode, String agencyId, String stepKey, boolean emergency) {

        public static final Filter NONE = new Filter(null, null, null, false);

        public Filter {
            communeCode = checked(communeCode, "commune", COMMUNE);
            agencyId = checked(agencyId, "agency", AGENCY);
            stepKey = step(blankToNull(stepKey));
        }

        public boolean isEmpty() {
            return communeCode == null && agencyId == null && stepKey == null && !emergency;
        }
    }

    public BoardQuery {
        if (filter == null) {
            filter = Filter.NONE;
        }
        if (sort == null) {
            sort = Board.Sort.DUE;
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "page");
        }
        if (windowPage < 0 || windowPage > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "windowPage");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "size");
        }
    }

    public static BoardQuery sortedBy(Board.Sort sort) {
        return new BoardQuery(Filter.NONE, sort, 0, 0, MAX_SIZE);
    }

    private static String step(String key) {
        if (key != null && Arrays.stream(CaseProcess.Step.values()).noneMatch(s -> s.formKey().equals(key))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "step");
        }
        return key;
    }

    private static String checked(String value, String name, Pattern pattern) {
        String v = blankToNull(value);
        if (v != null && !pattern.matcher(v).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", name);
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
