package vn.trean.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.trean.identity.CurrentUser;

/**
 * The case list (issue 11 item 1): the cases a user needs to know (the rule of {@link CaseFiles#isVisibleTo}, as
 * one SQL condition), filtered, newest activity first, a page at a time. A role that sees less of a case
 * ({@link CaseVisibility#seesWholeCase}) sees the child's initials only ({@link CaseVisibility#forList}).
 */
public interface CaseSearch {

    /** The largest page; a later page than {@link #MAX_OFFSET} rows in is refused: narrow the search instead. */
    int MAX_SIZE = 50;
    int MAX_OFFSET = 1_000;
    /**
     * Beyond this many matches the count says "more than": counting a province's every "Nguyễn" is not worth a
     * wait (bench/README.md), and no one reads past 40 pages of 25.
     */
    int COUNT_LIMIT = 1_000;

    CaseList search(Criteria criteria, int page, int size, CurrentUser user);

    enum Status { OPEN, CLOSED, TRANSFERRED }

    /**
     * Every criterion that is set must hold; null (or false) leaves it out.
     *
     * @param caseNumber the start of a case number ("00004-2026")
     * @param childName  words of the child's name, each the start of a word of it, tone marks and case ignored
     * @param mine       only the cases the user's own agency was given (a task, a report received)
     */
    record Criteria(String caseNumber, String childName, String communeCode, Status status,
                    NewCase.CaseCategory category, Boolean emergency, boolean mine) {

        public static final Criteria ALL = new Criteria(null, null, null, null, null, null, false);
    }

    /**
     * @param total         matches in all, counted up to {@link #COUNT_LIMIT}
     * @param totalIsAtLeast the count stopped at {@link #COUNT_LIMIT}: there are that many or more
     */
    record CaseList(List<Row> rows, int page, int size, long total, boolean totalIsAtLeast) {

        public int pageCount() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total && (long) (page + 1) * size < MAX_OFFSET;
        }
    }

    /**
     * A case in the list.
     *
     * @param childName  the child's full name; null where the reader sees the initials only
     * @param initials   the initials of the child's name, e.g. "N.T.H."
     * @param transferred the case was moved to another commune (an accepted transfer)
     */
    record Row(UUID caseId, String caseNumber, String communeCode, String childName, String initials,
               Integer ageYears, String category, String status, boolean transferred, boolean emergency,
               Instant receivedAt, Instant lastActivityAt) {
    }
}
