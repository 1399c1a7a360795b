package vn.trean.identity.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.AdministrationScope;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.problem.ApiProblem;

/**
 * The signed-in administrator's scope: the whole country for an administrator, the province of their agency for
 * a province administrator. Without a signed-in user (start-up, the demo, the first administrator) the
 * application itself acts, nationwide. Any other role is refused here too, behind the security rules.
 */
@Component
class SignedInAdministrationScope implements AdministrationScopes {

    private final UserDirectory users;

    SignedInAdministrationScope(UserDirectory users) {
        this.users = users;
    }

    @Override
    public AdministrationScope current() {
        return users.current().map(SignedInAdministrationScope::of).orElse(AdministrationScope.NATIONWIDE);
    }

    static AdministrationScope of(CurrentUser user) {
        if (user.role() == Role.ADMIN) {
            return AdministrationScope.NATIONWIDE;
        }
        // a province administrator of an agency without a province (refused on creation) administers nothing
        if (user.role() == Role.PROVINCE_ADMIN && user.provinceCode() != null) {
            return AdministrationScope.province(user.provinceCode());
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
    }
}
