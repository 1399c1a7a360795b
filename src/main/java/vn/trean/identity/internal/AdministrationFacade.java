package vn.trean.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.trean.identity.IntegrationAdministration;
import vn.trean.identity.PeopleAdministration;
import vn.trean.identity.internal.UserAdministration.AdminUser;
import vn.trean.identity.internal.UserAdministration.Details;
import vn.trean.identity.internal.UserAdministration.WithOneTimePassword;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * The administration pages' door into people and integrations: form fields arrive as text, so they are checked
 * here as the API's request records check them, then handed to the services the API uses.
 */
@Service
class AdministrationFacade implements PeopleAdministration, IntegrationAdministration {

    private static final java.util.regex.Pattern INTEGRATION_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final UserAdministration users;
    private final IntegrationAccounts integrations;
    private final UserRules rules;

    AdministrationFacade(UserAdministration users, IntegrationAccounts integrations, UserRules rules) {
        this.users = users;
        this.integrations = integrations;
        this.rules = rules;
    }

    @Override
    public List<Person> people(String agencyId, vn.trean.identity.Role role, String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return users.users(blankToNull(agencyId), role).stream()
                .filter(u -> needle.isEmpty() || contains(u.username(), needle) || contains(u.displayName(), needle)
                        || contains(u.email(), needle))
                .map(AdministrationFacade::person).toList();
    }

    @Override
    public Optional<Person> person(String username) {
        return users.user(username).map(AdministrationFacade::person);
    }

    @Override
    public WithPassword create(String username, String displayName, String email, String role, String agencyId, String actor) {
        List<Violation> violations = new ArrayList<>(rules.username(username));
        violations.addAll(rules.details(displayName, email, role, agencyId));
        refuse(violations);
        return withPassword(users.create(username.trim(), details(displayName, email, role, agencyId), actor));
    }

    @Override
    public Person update(String username, String displayName, String email, String role, String agencyId, String actor) {
        refuse(rules.details(displayName, email, role, agencyId));
        return person(users.update(username, details(displayName, email, role, agencyId), actor));
    }

    @Override
    public void disable(String username, String actor) {
        users.disable(username, actor);
    }

    @Override
    public void enable(String username, String actor) {
        users.enable(username, actor);
    }

    @Override
    public WithPassword resetPassword(String username, String actor) {
        return withPassword(users.resetPassword(username, actor));
    }

    @Override
    public List<String> scopes() {
        return Arrays.stream(ApiScope.values()).map(ApiScope::scope).toList();
    }

    @Override
    public List<Integration> integrations() {
        return integrations.accounts().stream().map(a -> new Integration(a.id(), a.name(), a.displayName(), a.role(),
                a.agencyId(), a.scopes().stream().map(ApiScope::scope).toList(), a.createdAt(),
                a.tokens().stream().map(t -> new Token(t.id(), t.hint(), t.createdAt(), t.expiresAt(), t.revokedAt(),
                        t.lastUsedAt())).toList())).toList();
    }

    @Override
    public Integration create(String name, String displayName, String role, String agencyId, List<String> scopes,
                              String actor) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || !INTEGRATION_NAME.matcher(name).matches()) {
            violations.add(new Violation("name", "username-format"));
        }
        if (displayName != null && displayName.length() > 200) {
            violations.add(new Violation("displayName", "max-length", 200));
        }
        // the display name is optional for an integration: its name stands in
        violations.addAll(rules.details("-", null, role, agencyId));
        List<ApiScope> chosen = scopes == null ? List.of() : scopes.stream().map(ApiScope::of).flatMap(Optional::stream).toList();
        if (chosen.isEmpty()) {
            violations.add(new Violation("scopes", "required"));
        }
        refuse(violations);
        UUID id = integrations.create(name, displayName, UserRules.role(role), agencyId.trim(), chosen, actor).id();
        return integrations().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public Issued issueToken(UUID accountId, Instant expiresAt, String actor) {
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new InvalidFieldsProblem(List.of(new Violation("expiresAt", "expiry-past")));
        }
        IntegrationAccounts.IssuedToken token = integrations.issueToken(accountId, expiresAt, actor);
        return new Issued(accountId, token.id(), token.token(), token.hint());
    }

    @Override
    public void revoke(UUID accountId, UUID tokenId, String actor) {
        integrations.revoke(accountId, tokenId, actor);
    }

    private static void refuse(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
    }

    private static Details details(String displayName, String email, String role, String agencyId) {
        return new Details(displayName.trim(), email, UserRules.role(role), agencyId.trim());
    }

    private static Person person(AdminUser u) {
        return new Person(u.username(), u.displayName(), u.email(), u.role(), u.agencyId(), u.enabled(), u.mustChangePassword());
    }

    private static WithPassword withPassword(WithOneTimePassword w) {
        return new WithPassword(person(w.user()), w.oneTimePassword());
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
