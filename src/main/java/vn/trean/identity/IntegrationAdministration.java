package vn.trean.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the administration pages do with integration accounts and their API tokens: the same rules and audit as
 * the JSON API ({@code /api/admin/integrations}). A token's value is returned once, when it is issued.
 */
public interface IntegrationAdministration {

    record Integration(UUID id, String name, String displayName, Role role, String agencyId, List<String> scopes,
                       Instant createdAt, List<Token> tokens) {
    }

    /** A token's metadata, never its value. */
    record Token(UUID id, String hint, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    }

    record Issued(UUID accountId, UUID tokenId, String token, String hint) {
    }

    /** The scopes a token may be given, e.g. {@code reports:file}. */
    List<String> scopes();

    List<Integration> integrations();

    Integration create(String name, String displayName, String role, String agencyId, List<String> scopes, String actor);

    Issued issueToken(UUID accountId, Instant expiresAt, String actor);

    void revoke(UUID accountId, UUID tokenId, String actor);
}
