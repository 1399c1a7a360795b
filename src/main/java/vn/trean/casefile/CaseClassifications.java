package vn.trean.casefile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.trean.identity.CurrentUser;

/**
 * The dimensions of a case (issue 10 item 1): read and corrected by the people who run it, and read by the
 * statistics. Every change after intake is announced as {@link CaseEvents.ClassificationChanged}, which the audit
 * log records with the values before and after.
 */
public interface CaseClassifications {

    /** Where a change came from, in the audit log: the API, or the step whose form recorded it. */
    String SOURCE_API = "api";

    /**
     * The dimensions of a case, for one who sees the whole case ({@link CaseVisibility#seesWholeCase}); the read
     * is audited. A case the user may not see at all is a 404 ({@link CaseNotFoundException}); one they see only in
     * part (police, school, health, the receiving point) a 403.
     */
    CaseDimensions read(UUID caseId, CurrentUser user);

    /**
     * Replaces the classification of an open case: by the commune officer or chairman who run it (403 for anyone
     * else who sees it, 404 for anyone who does not, 409 once it is closed). Every list is required (may be empty);
     * a value that contradicts another is a 400 naming its field.
     */
    CaseDimensions replace(UUID caseId, Classification classification, CurrentUser user);

    /**
     * What a completed step recorded ({@code source}: its form key), already checked by
     * {@link Classification#violations()}: stored and audited if it differs from what the case holds.
     */
    void correct(UUID caseId, Classification classification, String actor, String source);

    /** The perpetrator's name as the police recorded it with their outcome; audited as a change (without the name). */
    void recordPerpetratorName(UUID caseId, String name, String actor);

    // --- for the statistics and the other modules: no need-to-know check, no audit (the caller answers for both)

    /** The dimensions of a case, whoever asks; empty for an unknown case. */
    Optional<CaseDimensions> of(UUID caseId);

    /** The classification of each of the cases that exist, by case, in one query per table. */
    Map<UUID, Classification> classificationsOf(Collection<UUID> caseIds);

    /**
     * The pseudonymous key of each case's child (HMAC-SHA256, {@code child.person_key}): equal for the same child
     * (same folded name, birth date — or estimated birth year — and commune) in two cases, so a child counts once.
     */
    Map<UUID, String> personKeysOf(Collection<UUID> caseIds);
}
