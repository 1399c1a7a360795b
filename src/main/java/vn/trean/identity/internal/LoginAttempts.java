package vn.trean.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated wrong passwords, whether they came through the login
 * page or HTTP Basic on the API: both authenticate through the same provider, whose events land here.
 * A locked account is refused even with the right password until the lock runs out
 * ({@link SignedInUser#isAccountNonLocked()}).
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final Duration lockFor;

    LoginAttempts(JdbcClient jdbc, @Value("${trean.security.lockout.max-failures}") int maxFailures,
                  @Value("${trean.security.lockout.duration}") Duration lockFor) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        recordFailure(failure.getAuthentication().getName(), Instant.now());
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        // every API call authenticates: write only when there is something to reset
        jdbc.sql("""
                        update app_user set failed_logins = 0, locked_until = null
                        where username = :u and (failed_logins > 0 or locked_until is not null)""")
                .param("u", success.getAuthentication().getName()).update();
    }

    /** Counts a wrong password; a count left over from a lock that has run out starts again from one. */
    void recordFailure(String username, Instant now) {
        jdbc.sql("""
                        update app_user set
                            failed_logins = case when locked_until is not null and locked_until <= :now then 1
                                                 else failed_logins + 1 end,
                            locked_until = case
                                when locked_until is not null and locked_until <= :now then null
                                when failed_logins + 1 >= :max then cast(:until as timestamptz)
                                else locked_until end
                        where username = :u""")
                .param("u", username).param("now", Timestamp.from(now)).param("max", maxFailures)
                .param("until", Timestamp.from(now.plus(lockFor))).update();
    }
}
