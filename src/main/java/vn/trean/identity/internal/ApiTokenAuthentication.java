package vn.trean.identity.internal;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;

/**
 * A request authenticated by an integration's API token: the same {@link CurrentUser} a person has, so
 * that need-to-know, routing and the audit log treat it like anyone else, under the integration's name.
 * Never put in a session: the token authenticates each call.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final transient Principal principal;

    ApiTokenAuthentication(IntegrationAccounts.Caller caller) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.user().role().name())));
        this.principal = new Principal(caller.user());
        setAuthenticated(true);
    }

    record Principal(CurrentUser user) implements UserDirectory.CurrentUserPrincipal {
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.user().username();
    }
}
