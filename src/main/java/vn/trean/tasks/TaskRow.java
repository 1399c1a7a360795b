package vn.trean.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open task as work lists and boards show it.
 *
 * @param candidateGroups the agencies it is routed to (engine group ids)
 * @param windowEndsAt    the end of the 12-hour window for a step it binds, otherwise null
 * @param dueWithoutHolidaysOf a year without configured holidays that its working-day deadline spans, otherwise null
 */
public record TaskRow(String taskId, UUID caseId, String caseNumber, String communeCode, String provinceCode,
                      String stepKey, String name, List<String> candidateGroups, String assignee, Instant createdAt,
                      Instant dueAt, UUID measureId, Instant windowEndsAt, boolean emergency,
                      Integer dueWithoutHolidaysOf) {

    @JsonProperty("inTwelveHourWindow")
    public boolean inTwelveHourWindow() {
        return windowEndsAt != null;
    }

    public boolean overdueAt(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }
}
