package vn.trean.reporting;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A serious-case report as it was sent.
 *
 * @param content the report's facts (what happened, the measures of the 12 hours, the status now), no name
 * @param textVi  the report as written to the recipient, in Vietnamese
 * @param textEn  the same in English
 */
public record SeriousCaseReport(UUID id, UUID caseId, String caseNumber, String sentBy, String sentByAgencyId,
                                Instant sentAt, String recipientAgencyId, Map<String, Object> content, String textVi,
                                String textEn) {
}
