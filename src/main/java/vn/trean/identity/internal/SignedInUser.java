package vn.trean.identity.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;

/** The Spring Security principal: the user's agency travels with the session (serialized into PostgreSQL). */
record SignedInUser(CurrentUser user, String passwordHash, boolean enabled)
        implements UserDetails, UserDirectory.CurrentUserPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
