package vn.trean.tasks;

import java.util.List;

/**
 * One page of a work list, in the order asked for, with how many tasks there are in all and how many of them
 * are overdue, so that no task is ever hidden behind a silent limit.
 *
 * @param page    the page number, from 0
 * @param overdue how many of the {@code total} tasks are past their deadline
 */
public record TaskPage(List<TaskCard> rows, int page, int size, long total, long overdue) {

    /** The largest page a client may ask for: a page of cards stays light on a phone's connection. */
    public static final int MAX_SIZE = 50;

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
