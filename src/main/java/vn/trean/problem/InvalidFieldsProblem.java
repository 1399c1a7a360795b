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
        super(HttpStatus.BAD_REQUEST, "invalid-fields");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String code, Object... args) {
    }
}
