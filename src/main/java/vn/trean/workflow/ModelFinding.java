package vn.trean.workflow;

import java.util.List;

/**
 * Something wrong with a model that keeps it from being deployed.
 *
 * @param resource  the file, e.g. {@code case_intervention.bpmn}
 * @param elementId the element it is about, or null for the whole file
 * @param code      what is wrong; the text is {@code model.<code>} in the message bundles
 * @param args      the message's arguments
 */
public record ModelFinding(String resource, String elementId, String code, List<String> args) {
}
