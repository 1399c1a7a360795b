package vn.trean.identity.internal;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.trean.identity.Role;
import vn.trean.organisation.AdministrationScope;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.organisation.Organisation;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * The rules of a user's fields, as the API's request records state them ({@code UserAdministrationController}),
 * for callers that do not come through Bean Validation of a JSON body: the pages and the bulk import.
 */
@Component
class UserRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final int NAME_MAX = 200;
    private static final int AGENCY_MAX = 100;

    private final Validator validator;
    private final Organisation organisation;
    private final AdministrationScopes scopes;

    UserRules(Validator validator, Organisation organisation, AdministrationScopes scopes) {
        this.validator = validator;
        this.organisation = organisation;
        this.scopes = scopes;
    }

    private record EmailOnly(@Email String email) {
    }

    List<Violation> username(String username) {
        if (blank(username)) {
            return List.of(new Violation("username", "required"));
        }
        return USERNAME.matcher(username).matches() ? List.of() : List.of(new Violation("username", "username-format"));
    }

    /** Every problem of the fields an administrator sets, the agency's existence included. */
    List<Violation> details(String displayName, String email, String role, String agencyId) {
        List<Violation> violations = new ArrayList<>();
        if (blank(displayName)) {
            violations.add(new Violation("displayName", "required"));
        } else if (displayName.length() > NAME_MAX) {
            violations.add(new Violation("displayName", "max-length", NAME_MAX));
        }
        if (!blank(email)) {
            if (email.length() > NAME_MAX) {
                violations.add(new Violation("email", "max-length", NAME_MAX));
            } else if (!validator.validateValue(EmailOnly.class, "email", email.trim()).isEmpty()) {
                violations.add(new Violation("email", "email"));
            }
        }
        // the administrator's scope as UserAdministration applies it: a province administrator grants no
        // nationwide role and knows only the agencies of their province
        AdministrationScope scope = scopes.current();
        if (blank(role)) {
            violations.add(new Violation("role", "required"));
        } else if (role(role) == null) {
            violations.add(new Violation("role", "one-of", String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList())));
        } else if (!scope.isNationwide() && !role(role).grantableByProvince()) {
            violations.add(new Violation("role", "role-not-grantable"));
        }
        if (blank(agencyId)) {
            violations.add(new Violation("agencyId", "required"));
        } else if (agencyId.length() > AGENCY_MAX || organisation.agencyIn(scope, agencyId.trim()).isEmpty()) {
            violations.add(new Violation("agencyId", "unknown-agency"));
        } else if (role(role) == Role.PROVINCE_ADMIN
                && !organisation.agencyIn(scope, agencyId.trim()).orElseThrow().kind().isProvincial()) {
            violations.add(new Violation("agencyId", "province-admin-agency"));
        } else if (role(role) == Role.COLLABORATOR && organisation.agencyIn(scope, agencyId.trim()).orElseThrow().kind()
                != vn.trean.organisation.AgencyKind.VILLAGE_COLLABORATOR) {
            // a collaborator's short report goes to the commune of their agency: it must be a village's
            violations.add(new Violation("agencyId", "collaborator-agency"));
        }
        return violations;
    }

    static Role role(String name) {
        return name == null ? null : Arrays.stream(Role.values()).filter(r -> r.name().equals(name.trim())).findFirst().orElse(null);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
