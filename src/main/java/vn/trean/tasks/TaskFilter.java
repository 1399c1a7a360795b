package vn.trean.tasks;

/**
 * Narrows a work list. Every flag that is set must hold.
 *
 * @param stepKey only tasks of this step (form key, e.g. {@code verify_report}); null for all
 */
public record TaskFilter(boolean overdue, boolean dueToday, boolean emergency, String stepKey) {

    public static final TaskFilter ALL = new TaskFilter(false, false, false, null);
}
