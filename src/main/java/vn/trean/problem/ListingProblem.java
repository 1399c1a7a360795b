package vn.trean.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request refused because of things the caller must deal with first, listed in the problem under
 * {@code property} (e.g. the open tasks to move before an agency can be retired). The items are records
 * of ids and keys, rendered as JSON as they are.
 */
public class ListingProblem extends ApiProblem {

    private final String property;
    private final transient List<?> items;

    public ListingProblem(HttpStatus status, String code, String property, List<?> items, Object... args) {
        super(status, code, args);
        this.property = property;
        this.items = List.copyOf(items);
    }

    public String property() {
        return property;
    }

    public List<?> items() {
        return items;
    }
}
