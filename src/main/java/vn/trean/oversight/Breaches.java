package vn.trean.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.identity.CurrentUser;
import vn.trean.oversight.BreachEvents.BreachReasonGiven;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.EngineClock;

/**
 * The breaches of a case as its readers see them, and the reason the agency that held the step gives (issue 12
 * item 1). Need-to-know as for the case file: those who run or oversee the case see every breach, every other agency
 * its own, as it sees its own steps; one who does not need to know the case finds no case (404).
 */
@Service
public class Breaches {

    /** The timeline entry of a breach's reason: its data names the step, the reason, the note and who gave it. */
    public static final String REASON_ENTRY = "breach_reason";
    public static final int NOTE_MAX = 500;

    private final Oversight oversight;
    private final CaseFiles cases;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Breaches(Oversight oversight, CaseFiles cases, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.oversight = oversight;
        this.cases = cases;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The breaches of a case the reader may see; a case they do not need to know is not found. */
    @Transactional(readOnly = true)
    public List<DeadlineBreach> of(UUID caseId, CurrentUser reader) {
        if (!cases.isVisibleTo(caseId, reader)) {
            throw new CaseNotFoundException(caseId);
        }
        List<DeadlineBreach> all = oversight.breachesOf(caseId);
        return cases.seesWholeCase(caseId, reader) ? all
                : all.stream().filter(b -> reader.agencyId().equals(b.agencyId())).toList();
    }

    /** Whether {@code user} may give the reason of this breach: a member of the agency that held the step. */
    public static boolean mayGiveReason(DeadlineBreach breach, CurrentUser user) {
        return breach.agencyId() != null && breach.agencyId().equals(user.agencyId());
    }

    /**
     * Records why the step was late. Checked in this order, so that each answer tells only what the caller may know:
     * a case they do not need to know, or a breach not of this case, is not found (404); one who knows the case but
     * is not of the agency that held the step is refused (403, saying so); then the form (400, naming the field); a
     * reason already given is a conflict (409). Nothing is written unless all pass.
     */
    @Transactional
    public DeadlineBreach giveReason(UUID caseId, long breachId, CurrentUser user, String reasonCode, String note) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        DeadlineBreach breach = oversight.breach(caseId, breachId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "breach-not-found", breachId));
        if (!mayGiveReason(breach, user)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "breach-reason-not-your-agency");
        }
        BreachReason reason = checked(reasonCode, note);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        Instant now = EngineClock.now();
        boolean given = jdbc.sql("""
                        update deadline_breach set reason_code = :code, reason_note = :note, reason_by = :by, reason_at = :at
                         where id = :id and reason_at is null""")
                .param("code", reason.name()).param("note", cleanNote).param("by", user.username())
                .param("at", Timestamp.from(now)).param("id", breachId).update() == 1;
        if (!given) {
            throw new ApiProblem(HttpStatus.CONFLICT, "breach-reason-given");
        }
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("breachedStepKey", breach.stepKey());
        data.put("reasonCode", reason.name());
        if (cleanNote != null) {
            data.put("reasonNote", cleanNote);
        }
        data.put("givenBy", user.username());
        cases.recordTimelineEntry(caseId, REASON_ENTRY, REASON_ENTRY + ":" + breachId, breach.agencyId(), now, data);
        events.publishEvent(new BreachReasonGiven(breachId, caseId, breach.stepKey(), breach.agencyId(), reason,
                user.username(), now));
        return oversight.breach(caseId, breachId).orElseThrow();
    }

    /** The short form: one of the reasons, and a note of at most 500 characters, required for OTHER. */
    static BreachReason checked(String reasonCode, String note) {
        List<Violation> violations = new ArrayList<>();
        BreachReason reason = null;
        if (reasonCode == null || reasonCode.isBlank()) {
            violations.add(new Violation("reasonCode", "required"));
        } else {
            reason = Arrays.stream(BreachReason.values()).filter(r -> r.name().equals(reasonCode.strip())).findFirst()
                    .orElse(null);
            if (reason == null) {
                violations.add(new Violation("reasonCode", "one-of",
                        Arrays.stream(BreachReason.values()).map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        boolean noNote = note == null || note.isBlank();
        if (reason == BreachReason.OTHER && noNote) {
            violations.add(new Violation("note", "breach-note-required"));
        }
        if (!noNote && note.strip().length() > NOTE_MAX) {
            violations.add(new Violation("note", "max-length", NOTE_MAX));
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        return reason;
    }
}
