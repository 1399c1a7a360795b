package vn.trean.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.IntegrationEvents.IntegrationCreated;
import vn.trean.identity.IntegrationEvents.IntegrationTokenIssued;
import vn.trean.identity.IntegrationEvents.IntegrationTokenRevoked;
import vn.trean.identity.Role;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * Integration accounts (a system that calls the API as a service, with a role and an agency) and their
 * API tokens. Every change is published as an {@code IntegrationEvents} record for the audit log.
 */
@Service
public class IntegrationAccounts {

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;

    IntegrationAccounts(JdbcClient jdbc, Organisation organisation, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.events = events;
    }

    public record Account(UUID id, String name, String displayName, Role role, String agencyId, List<ApiScope> scopes,
                          Instant createdAt, String createdBy, List<Token> tokens) {
    }

    /** A token's metadata: never its value. */
    public record Token(UUID id, String hint, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
                        String revokedBy, Instant lastUsedAt) {
    }

    /** A new token: the only time its value is ever shown. */
    public record IssuedToken(UUID id, UUID accountId, String token, String hint, Instant expiresAt) {
    }

    /** The integration behind a valid token, as the request acts. */
    record Caller(UUID tokenId, CurrentUser user, List<ApiScope> scopes) {
    }

    /** Roles an integration may act with: it works cases; it does not administer (not even a province) or change models. */
    static boolean allowedRole(Role role) {
        return !role.usesEngineTools() && !role.administers();
    }

    public List<Account> accounts() {
        Map<UUID, List<Token>> tokens = new LinkedHashMap<>();
        jdbc.sql("""
                        select account_id, id, hint, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at
                        from api_token order by created_at, id""")
                .query((ResultSet rs) -> {
                    tokens.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(token(rs));
                });
        return jdbc.sql("""
                        select id, name, display_name, role, agency_id, scopes, created_at, created_by
                        from integration_account order by name""")
                .query((rs, i) -> account(rs, tokens.getOrDefault(rs.getObject(1, UUID.class), List.of())))
                .list();
    }

    public Optional<Account> account(UUID id) {
        return accounts().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Transactional
    public Account create(String name, String displayName, Role role, String agencyId, Collection<ApiScope> scopes,
                          String actor) {
        List<Violation> violations = new ArrayList<>();
        if (!allowedRole(role)) {
            violations.add(new Violation("role", "integration-role"));
        }
        if (organisation.agency(agencyId).isEmpty()) {
            violations.add(new Violation("agencyId", "unknown-agency"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        UUID id = UUID.randomUUID();
        List<String> scopeNames = scopes.stream().sorted().map(ApiScope::scope).toList();
        Instant now = Instant.now();
        try {
            jdbc.sql("""
                            insert into integration_account (id, name, display_name, role, agency_id, scopes, created_at, created_by)
                            values (:id, :n, :d, :r, :a, :s, :t, :by)""")
                    .param("id", id).param("n", name).param("d", displayName == null || displayName.isBlank() ? name : displayName)
                    .param("r", role.name()).param("a", agencyId).param("s", scopeNames.toArray(String[]::new))
                    .param("t", Timestamp.from(now)).param("by", actor).update();
        } catch (DuplicateKeyException taken) {
            // an integration or a person already has the name (unique key, or the V18 trigger)
            throw new ApiProblem(HttpStatus.CONFLICT, "integration-name-taken", name);
        }
        events.publishEvent(new IntegrationCreated(actor, id, name, role, agencyId, scopeNames));
        return account(id).orElseThrow();
    }

    @Transactional
    public IssuedToken issueToken(UUID accountId, Instant expiresAt, String actor) {
        Account account = account(accountId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        String value = ApiTokens.generate();
        UUID id = UUID.randomUUID();
        String hint = ApiTokens.hint(value);
        jdbc.sql("""
                        insert into api_token (id, account_id, token_hash, hint, created_at, created_by, expires_at)
                        values (:id, :a, :h, :hint, :t, :by, :e)""")
                .param("id", id).param("a", accountId).param("h", ApiTokens.hash(value)).param("hint", hint)
                .param("t", Timestamp.from(Instant.now())).param("by", actor)
                .param("e", expiresAt == null ? null : Timestamp.from(expiresAt)).update();
        events.publishEvent(new IntegrationTokenIssued(actor, accountId, account.name(), id, hint, expiresAt));
        return new IssuedToken(id, accountId, value, hint, expiresAt);
    }

    /** Revokes a token at once, on every node (each call looks its token up). Revoking twice changes nothing. */
    @Transactional
    public void revoke(UUID accountId, UUID tokenId, String actor) {
        Account account = account(accountId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        Token token = account.tokens().stream().filter(t -> t.id().equals(tokenId)).findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        if (token.revokedAt() != null) {
            return;
        }
        Instant now = Instant.now();
        jdbc.sql("update api_token set revoked_at = :t, revoked_by = :by where id = :id and revoked_at is null")
                .param("t", Timestamp.from(now)).param("by", actor).param("id", tokenId).update();
        events.publishEvent(new IntegrationTokenRevoked(actor, accountId, account.name(), tokenId, token.hint(), now));
    }

    /**
     * The caller a bearer token stands for, if the token is known, not revoked and not expired. Marks it
     * used at most once a minute, so that a busy integration does not write a row on every call.
     */
    Optional<Caller> authenticate(String token) {
        if (!ApiTokens.wellFormed(token)) {
            return Optional.empty();
        }
        record Found(Caller caller, boolean markUsed) {
        }
        Optional<Found> found = jdbc.sql("""
                        select t.id, i.name, i.display_name, i.role, i.agency_id, a.locality_code, l.province_code, i.scopes,
                               t.last_used_at is null or t.last_used_at < now() - interval '1 minute'
                        from api_token t
                        join integration_account i on i.id = t.account_id
                        join agency a on a.id = i.agency_id
                        left join locality l on l.list = a.locality_list and l.code = a.locality_code
                        where t.token_hash = :h and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())""")
                .param("h", ApiTokens.hash(token))
                .query((rs, i) -> new Found(new Caller(rs.getObject(1, UUID.class),
                        new CurrentUser(rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5),
                                rs.getString(6), rs.getString(7)), scopes(rs.getArray(8))), rs.getBoolean(9)))
                .optional();
        found.filter(Found::markUsed).ifPresent(f -> jdbc.sql("""
                        update api_token set last_used_at = now()
                        where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .param("id", f.caller().tokenId()).update());
        return found.map(Found::caller);
    }

    private static Account account(ResultSet rs, List<Token> tokens) throws SQLException {
        return new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getString(5), scopes(rs.getArray(6)), instant(rs.getTimestamp(7)), rs.getString(8), List.copyOf(tokens));
    }

    private static Token token(ResultSet rs) throws SQLException {
        return new Token(rs.getObject(2, UUID.class), rs.getString(3), instant(rs.getTimestamp(4)), rs.getString(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8), instant(rs.getTimestamp(9)));
    }

    private static List<ApiScope> scopes(Array array) throws SQLException {
        // a scope dropped from the enum in a later version grants nothing
        return Arrays.stream((String[]) array.getArray()).map(ApiScope::of).flatMap(Optional::stream).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
