package vn.trean.problem;

/** One invalid field: its path in the request and what is wrong with it, in the caller's language. */
public record FieldProblem(String field, String message) {
}
