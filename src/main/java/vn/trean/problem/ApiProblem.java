package vn.trean.problem;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be carried out, for a reason the caller can act on. {@code code} names the
 * problem; its title and detail come from the message bundles ({@code problem.<code>.title},
 * {@code problem.<code>.detail}) in the caller's language.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;

    public ApiProblem(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
