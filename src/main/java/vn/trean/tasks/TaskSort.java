package vn.trean.tasks;

/** The orders of a work list, each applied in the query with a stable tie-break (the task id). */
public enum TaskSort {
    /** Soonest deadline first; tasks without one last. */
    DUE("due_at asc nulls last, created_at asc, task_id"),
    /** The newest task first. */
    NEWEST("created_at desc, task_id"),
    /** The oldest task first. */
    OLDEST("created_at asc, task_id");

    private final String orderBy;

    TaskSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
