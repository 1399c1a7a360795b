package vn.trean.tasks;

import java.util.List;

/**
 * One page of a work list, soonest deadline first, with how many tasks there are in all, so that no
 * task is ever hidden behind a silent limit.
 *
 * @param page the page number, from 0
 */
public record TaskPage(List<TaskRow> rows, int page, int size, long total) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 500;

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
