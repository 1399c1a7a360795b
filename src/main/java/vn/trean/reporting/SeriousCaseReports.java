package vn.trean.reporting;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import vn.trean.identity.CurrentUser;

/**
 * Issue 10 item 4: the ad-hoc report of a serious case to the province department, sent with one click by the
 * commune officer or chairman of the case. It names the child by initials, age and sex only: the province department
 * has no need to know the name.
 */
public interface SeriousCaseReports {

    /** Clicks this close together send one report. */
    Duration REPEAT_WINDOW = Duration.ofMinutes(1);

    /**
     * Writes the report from the case record, stores it, records it on the case's timeline and sends it to the
     * province department (in the app and by mail). A second click within {@link #REPEAT_WINDOW} sends nothing and
     * answers the report already sent.
     *
     * @throws vn.trean.casefile.CaseNotFoundException a case the user may not see, as one that does not exist
     * @throws vn.trean.problem.ApiProblem             403 for anyone but the commune officer or chairman of the case;
     *                                                 409 when no province department is in service for the case
     */
    Sent send(UUID caseId, CurrentUser user);

    /** The reports sent about a case, newest first, for those who see the whole case; 403 for other readers of it. */
    List<SeriousCaseReport> ofCase(UUID caseId, CurrentUser user);

    /** @param repeated the report had been sent less than {@link #REPEAT_WINDOW} before: nothing was sent again */
    record Sent(SeriousCaseReport report, boolean repeated) {
    }
}
