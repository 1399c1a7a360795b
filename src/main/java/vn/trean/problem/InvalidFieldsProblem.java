package vn.trean.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Submitted values that break the rules, checked on the server. Each entry holds a message code
 * ({@code field.<code>}) and its arguments; the handler renders them in the caller's language.
 */
public class InvalidFieldsProblem extends ApiProblem {

    private final transient List<Violation> violations;

    public InvalidFieldsProblem(List<Violation> violations) {
        this(HttpStatus.BAD_REQUEST, "invalid-fields", violations);
    }

    /** A problem of its own kind ({@code code}, {@code args} for its title and detail) that is also about fields. */
    public InvalidFieldsProblem(HttpStatus status, String code, List<Violation> violations, Object... args) {
        super(status, code, args);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String code, Object... args) {
    }
}
