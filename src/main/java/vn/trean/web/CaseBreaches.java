package vn.trean.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.oversight.BreachReason;
import vn.trean.oversight.Breaches;
import vn.trean.oversight.DeadlineBreach;

/**
 * The case page's list of deadline breaches (issue 12 item 1), as the reader may see them ({@link Breaches#of}), each
 * with whether the reader may give its reason. The template calls it as {@code ${@caseBreaches.of(c.id)}}, so the
 * case page's controller stays as it is.
 */
@Component("caseBreaches")
public class CaseBreaches {

    private final Breaches breaches;
    private final UserDirectory users;

    CaseBreaches(Breaches breaches, UserDirectory users) {
        this.breaches = breaches;
        this.users = users;
    }

    /**
     * A breach as the page shows it; {@code mayGiveReason} when the reader's agency held the step and gave none yet;
     * {@code reasonByName} the display name of who gave the reason.
     */
    public record Row(DeadlineBreach breach, boolean mayGiveReason, String reasonByName) {
    }

    public List<Row> of(UUID caseId) {
        CurrentUser me = users.requireCurrent();
        return breaches.of(caseId, me).stream()
                .map(b -> new Row(b, !b.hasReason() && Breaches.mayGiveReason(b, me), b.reasonBy() == null ? null
                        : users.find(b.reasonBy()).map(CurrentUser::displayName).orElse(b.reasonBy())))
                .toList();
    }

    /** The reasons the form offers, in their order. */
    public List<BreachReason> reasons() {
        return List.of(BreachReason.values());
    }

    public int noteMax() {
        return Breaches.NOTE_MAX;
    }
}
