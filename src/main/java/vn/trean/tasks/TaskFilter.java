package vn.trean.tasks;

import java.util.UUID;

/**
 * Narrows a work list. Every flag that is set must hold.
 *
 * @param stepKey only tasks of this step (form key, e.g. {@code verify_report}); null for all
 * @param caseId  only tasks of this case; null for all
 */
public record TaskFilter(boolean overdue, boolean dueToday, boolean emergency, String stepKey, UUID caseId) {

    public static final TaskFilter ALL = new TaskFilter(false, false, false, null, null);
}
