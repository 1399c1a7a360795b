package vn.trean.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.trean.identity.UserDirectory;

@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserDirectory directory;
    private final JdbcClient jdbc;

    DatabaseUserDetailsService(UserDirectory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = directory.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        record Credentials(String passwordHash, boolean enabled) {
        }
        var credentials = jdbc.sql("select password_hash, enabled from app_user where username = :u")
                .param("u", username).query(Credentials.class).single();
        return new SignedInUser(user, credentials.passwordHash(), credentials.enabled());
    }
}
