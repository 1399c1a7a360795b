package vn.trean.tasks;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;

/**
 * An open task with who it is about and how urgent it is, as the card on "My tasks" shows it: read in the
 * work list's one query (work_item and its case), never one query per card.
 *
 * @param child      the child's full name, or only the initials for a reader that does not see the whole case
 *                   ({@link vn.trean.casefile.CaseVisibility#seesWholeCase})
 * @param ageYears   the child's age today from the date of birth, otherwise the age estimated at receipt; null if neither
 * @param ageEstimated whether {@code ageYears} is the estimate
 * @param riskLevel  the risk level of the case's verification (verify_report's {@code riskLevel}) once verified and
 *                   if the reader sees the whole case, otherwise null
 */
public record TaskCard(@JsonUnwrapped TaskRow task, String child, Integer ageYears, boolean ageEstimated,
                       String communeName, String category, String riskLevel, Urgency urgency,
                       boolean windowBreached) {

    /** How near a task's deadline is, in the steps the card shows (colour and words, never colour alone). */
    public enum Urgency {
        /** No deadline. */
        NONE,
        /** More than 6 hours left. */
        CALM,
        /** Between 1 and 6 hours left. */
        SOON,
        /** Less than an hour left. */
        URGENT,
        /** Past the deadline. */
        OVERDUE;

        static Urgency of(Instant dueAt, Instant now) {
            if (dueAt == null) {
                return NONE;
            }
            Duration left = Duration.between(now, dueAt);
            if (left.isNegative()) {
                return OVERDUE;
            }
            if (left.compareTo(Duration.ofHours(1)) < 0) {
                return URGENT;
            }
            return left.compareTo(Duration.ofHours(6)) <= 0 ? SOON : CALM;
        }

        /** The message key's last part: page.urgency.calm … page.urgency.overdue. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
