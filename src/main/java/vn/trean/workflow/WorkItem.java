package vn.trean.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open task of a case as the people who work it see it.
 *
 * @param stepKey   the form key of the step, e.g. {@code verify_report}
 * @param measureId the plan measure an implementation task is about, otherwise null
 */
public record WorkItem(String taskId, String stepKey, String name, UUID caseId, String caseNumber,
                       Instant createdAt, Instant dueAt, String assignee, List<String> candidateGroups,
                       UUID measureId, boolean inTwelveHourWindow) {
}
