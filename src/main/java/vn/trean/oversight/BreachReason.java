package vn.trean.oversight;

/**
 * Why a step missed its deadline, as the agency that held it states it (issue 12 item 1): a short form of a handful
 * of reasons the oversight can count, with a note (required for {@link #OTHER}).
 */
public enum BreachReason {
    /** Too many cases for the people the agency has. */
    WORKLOAD,
    /** The step waited for another agency's part (a report, a decision, a document). */
    WAITING_FOR_OTHER_AGENCY,
    /** The child or the family could not be reached. */
    CHILD_OR_FAMILY_UNREACHABLE,
    /** The step needed a court, a forensic examination or another expert. */
    NEEDS_COURT_OR_EXPERT,
    /** The work was done in time and entered in the system late. */
    DATA_ENTRY_LATE,
    /** Something else, said in the note. */
    OTHER
}
