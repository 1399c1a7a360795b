package vn.trean.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.identity.internal.ApiScope;
import vn.trean.identity.internal.IntegrationAccounts;
import vn.trean.identity.internal.IntegrationAccounts.Account;
import vn.trean.identity.internal.IntegrationAccounts.IssuedToken;

/** Administrators manage integration accounts and their API tokens (the security rules admit ADMIN only). */
@RestController
@Tag(name = "Integrations", description = "Tài khoản tích hợp và mã API / integration accounts and API tokens")
class IntegrationController {

    private final IntegrationAccounts integrations;
    private final UserDirectory users;

    IntegrationController(IntegrationAccounts integrations, UserDirectory users) {
        this.integrations = integrations;
        this.users = users;
    }

    /** A new integration account: a system that calls the API with a role and an agency, as a service. */
    record NewIntegration(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String name,
            @Size(max = 200) String displayName,
            @NotNull Role role,
            @NotBlank @Size(max = 100) String agencyId,
            @NotEmpty @Size(max = 10) Set<@NotNull ApiScope> scopes) {
    }

    /** A new token; without expiresAt it lasts until revoked. */
    record NewToken(@Future OffsetDateTime expiresAt) {
    }

    @GetMapping("/api/admin/integrations")
    @Operation(summary = "Integration accounts with their tokens' metadata (never a token's value)")
    List<Account> list() {
        return integrations.accounts();
    }

    @PostMapping("/api/admin/integrations")
    @Operation(summary = "Create an integration account",
            description = "Its role may not be ADMIN, PROVINCE_ADMIN nor PROCESS_OWNER; scopes: reports:file, tasks:read, cases:read, "
                    + "notifications:read. The name is the actor in the audit log and may not be a user's name.")
    ResponseEntity<Account> create(@Valid @RequestBody NewIntegration request) {
        Account account = integrations.create(request.name(), request.displayName(), request.role(), request.agencyId(),
                request.scopes(), users.requireCurrent().username());
        return ResponseEntity.created(URI.create("/api/admin/integrations/" + account.id())).body(account);
    }

    @PostMapping("/api/admin/integrations/{id}/tokens")
    @Operation(summary = "Issue an API token", description = "The answer holds the token: the only time it is shown. "
            + "Send it as Authorization: Bearer <token>.")
    ResponseEntity<IssuedToken> issue(@PathVariable UUID id, @Valid @RequestBody(required = false) NewToken request) {
        IssuedToken token = integrations.issueToken(id,
                request == null || request.expiresAt() == null ? null : request.expiresAt().toInstant(),
                users.requireCurrent().username());
        return ResponseEntity.created(URI.create("/api/admin/integrations/" + id))
                .cacheControl(CacheControl.noStore()).body(token);
    }

    @PostMapping("/api/admin/integrations/{id}/tokens/{tokenId}/revoke")
    @Operation(summary = "Revoke an API token at once (revoking twice changes nothing)")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable UUID tokenId) {
        integrations.revoke(id, tokenId, users.requireCurrent().username());
        return ResponseEntity.noContent().build();
    }
}
