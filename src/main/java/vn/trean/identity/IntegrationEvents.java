package vn.trean.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Changes to integration accounts and their API tokens, published inside the transaction that makes them
 * so that the audit log records each one with it. A token's value is never in an event.
 */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    public record IntegrationCreated(String actor, UUID accountId, String name, Role role, String agencyId,
                                     List<String> scopes) {
    }

    public record IntegrationTokenIssued(String actor, UUID accountId, String name, UUID tokenId, String hint,
                                         Instant expiresAt) {
    }

    public record IntegrationTokenRevoked(String actor, UUID accountId, String name, UUID tokenId, String hint,
                                          Instant revokedAt) {
    }
}
