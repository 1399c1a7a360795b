package vn.trean.organisation;

import java.util.List;

/**
 * The open work routed to an agency. Tasks belong to the process engine, which only the workflow module
 * touches, while agencies belong here: this module states what it needs and the workflow module provides it,
 * so that the dependency keeps pointing from workflow to organisation.
 */
public interface AgencyWork {

    /** The open tasks whose candidate group is the agency, claimed or not. */
    List<OpenTask> openTasksOf(String agencyId);

    /**
     * Hands every open task of {@code fromAgencyId} to {@code toAgencyId}: the new agency becomes the
     * candidate group instead of the old one, gets need-to-know access to the cases, and a claim by someone
     * of the old agency is released. Returns the tasks moved.
     */
    List<OpenTask> moveOpenTasks(String fromAgencyId, String toAgencyId);

    /** @param stepKey the form key of the step, e.g. {@code implement_measure} */
    record OpenTask(String taskId, String caseNumber, String stepKey) {
    }
}
