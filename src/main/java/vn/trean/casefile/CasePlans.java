package vn.trean.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The running plan of a case and its amendments (issue 12 item 3): the measures of the plan being carried out, a
 * proposal of changes, and the new version of the plan each approved one makes (the approved plan is version 1).
 */
public interface CasePlans {

    /** The measures of the case's latest approved plan (its highest cycle), in order of start, any status. */
    List<PlanMeasure> currentMeasures(UUID caseId);

    /** The version of the case's latest approved plan: 1, plus one per approved amendment of it. */
    int currentVersion(UUID caseId);

    /** What the officer proposed: recorded with the step that proposed it, until the chairman decides. */
    UUID propose(UUID caseId, String proposalTaskId, String actor, Instant at, String reason,
                 List<Map<String, Object>> changes);

    /** The case's proposal awaiting the chairman, if any. */
    Optional<Amendment> pending(UUID caseId);

    /**
     * The chairman approved: the plan's next version, with {@code applied} — each change with the measure before and
     * after — in place of what was proposed.
     *
     * @return the version of the plan it made
     */
    int approve(UUID amendmentId, String decisionTaskId, String actor, Instant at, List<Map<String, Object>> applied);

    void decline(UUID amendmentId, String decisionTaskId, String actor, Instant at);

    /** A measure added to the running plan, active at once, as of {@code version}. */
    UUID addMeasure(UUID caseId, CaseFiles.MeasureDraft measure, int version);

    /** A measure of the running plan with new values (all of them, changed or not), as of {@code version}. */
    void changeMeasure(UUID measureId, CaseFiles.MeasureDraft measure, int version);

    /** A measure stopped by an amendment: its status becomes WITHDRAWN. */
    void withdrawMeasure(UUID measureId, int version);

    /** The latest end date of the measures of the case's latest plan that were not withdrawn. */
    Optional<LocalDate> planEnd(UUID caseId);

    /** A proposal, with its changes as proposed (or, once approved, as applied). */
    record Amendment(UUID id, UUID caseId, int planCycle, String reason, List<Map<String, Object>> changes,
                     String status, Integer version) {
    }
}
