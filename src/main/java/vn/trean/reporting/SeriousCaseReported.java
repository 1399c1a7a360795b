package vn.trean.reporting;

import java.time.Instant;
import java.util.UUID;

/**
 * A serious-case report was sent to the province department; published in the transaction that stored it, so that
 * its notification, mail and audit entry commit with it. The texts carry no child's name.
 */
public record SeriousCaseReported(UUID reportId, UUID caseId, String caseNumber, String recipientAgencyId,
                                  String actor, Instant sentAt, String textVi, String textEn) {
}
