package vn.trean.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A submission refused for several reasons, each about a place in it (a file and an element of it). */
public class FindingsProblem extends ApiProblem {

    private final transient List<Finding> findings;

    public FindingsProblem(HttpStatus status, String code, List<Finding> findings) {
        super(status, code);
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }

    /** @param messageKey the key of its text in the message bundles */
    public record Finding(String resource, String elementId, String messageKey, Object... args) {
    }
}
