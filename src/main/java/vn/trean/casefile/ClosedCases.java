package vn.trean.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Closed cases read in bulk, for the open-data export (issue 10 item 5): no name, no address, no free text but the
 * police's decision number. Who may
 * read them is the caller's to decide; these methods check nothing.
 */
public interface ClosedCases {

    /** How many cases closed in {@code [from, to)}, of one province or of all ({@code provinceCode} null). */
    long count(String provinceCode, Instant from, Instant to);

    /**
     * Hands every case closed in {@code [from, to)} to {@code sink}, by closing time and case number, reading the
     * database in batches (never the whole period in memory). Inside the caller's transaction, if any: with
     * {@link #count} in one repeatable-read transaction both see the same cases.
     */
    void forEach(String provinceCode, Instant from, Instant to, Consumer<ClosedCase> sink);

    /**
     * @param childIdentity what tells one child from another across cases — the name with tone marks and case folded,
     *                      the date of birth (or, without one, the birth year the estimated age gives), the sex. Personal
     *                      data: to be hashed with a secret key, never written out
     * @param ageAtReport   the child's age in years when the case's report was received (from the date of birth, else the
     *                      estimate)
     * @param separation    a temporary separation was decided (Form 07) in the case
     * @param abuseForms    the abuse forms as the first report recorded them ({@code classification} holds them as now
     *                      known)
     * @param handlingOutcome how the police handled a crime report (PENDING, PROSECUTED, ADMINISTRATIVE_SANCTION, NONE);
     *                      null when the case did not go to criminal procedure
     * @param classification the case's dimensions as recorded at closing (no perpetrator's name: it has none)
     * @param handlingDecisionNumber the number of the prosecution's or sanction's decision as the police recorded it;
     *                      null when none, or when the case did not go to criminal procedure
     * @param handlingDecisionDate that decision's date; null likewise
     */
    record ClosedCase(String caseNumber, String communeCode, String provinceCode, Instant receivedAt, Instant closedAt,
                      String category, List<String> abuseForms, String protectionLevel, boolean emergency,
                      boolean separation, String handlingOutcome, String closingOutcome, String closingReason,
                      String childIdentity, Integer ageAtReport, String sex, List<Measure> measures,
                      Classification classification, String handlingDecisionNumber, LocalDate handlingDecisionDate) {
    }

    /**
     * A measure of an approved plan (drafts that were never approved are left out).
     *
     * @param actualCost what it cost (đồng), as recorded when its task was completed; null when not recorded
     */
    record Measure(String measureType, String responsibleRole, LocalDate startDate, LocalDate endDate, String status,
                   Long actualCost) {
    }
}
