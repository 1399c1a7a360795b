package vn.trean.workflow.routing;

/** A role of the model has no agency for the case's locality on this day: a gap in the organisation's configuration. */
public class RoutingException extends RuntimeException {

    public RoutingException(String role, String communeCode) {
        super("no agency carries role '" + role + "' for commune " + communeCode);
    }
}
