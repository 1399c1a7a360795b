package vn.trean.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Every password sign-in (login page and HTTP Basic) passes here, in this order: the client address's
 * attempt budget (429 when spent, before any BCrypt), the wait of this (user name, address) pair after
 * wrong passwords (refused with the same answer as a wrong password, without checking it, and
 * counted as one more failure), the
 * recently checked credentials, and only then the password check itself. An unknown user name costs
 * a BCrypt check against a dummy hash inside {@link DaoAuthenticationProvider} (its default), so it
 * answers the same, in the same time, as a wrong password.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final AttemptBudget budget;
    private final FailureDelays delays;
    private final RecentCredentials recent;
    private final Clock clock;

    ThrottledSignIn(DaoAuthenticationProvider passwords, AttemptBudget budget, FailureDelays delays,
                    RecentCredentials recent, Clock clock) {
        this.passwords = passwords;
        this.budget = budget;
        this.delays = delays;
        this.recent = recent;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Instant now = clock.instant();
        String address = ClientAddresses.of(attempt);
        var refusal = budget.take(address, now);
        if (refusal.isPresent()) {
            throw new SignInRefused(refusal.get());
        }
        String username = attempt.getName();
        String pair = username.toLowerCase(Locale.ROOT) + '\n' + address;
        if (delays.waitFor(pair, now).isPresent()) {
            // a client that does not wait counts as failing again: its next wait is longer
            delays.failed(pair, now);
            throw new BadCredentialsException("Bad credentials");
        }
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        try {
            var known = recent.find(username, password, now);
            Authentication result = known.isPresent() ? signedIn(known.get(), attempt) : passwords.authenticate(attempt);
            if (known.isEmpty() && result.getPrincipal() instanceof UserDetails user) {
                recent.remember(username, password, user, now);
            }
            budget.giveBack(address, now);
            delays.succeeded(pair);
            return withoutPasswordHash(result, attempt);
        } catch (AuthenticationException failed) {
            delays.failed(pair, now);
            throw failed;
        }
    }

    /** The signed-in principal travels with the session, into PostgreSQL: it keeps no password hash. */
    private static Authentication withoutPasswordHash(Authentication result, Authentication attempt) {
        if (result.getPrincipal() instanceof SignedInUser user && user.passwordHash() != null) {
            return signedIn(new SignedInUser(user.user(), null, user.enabled()), attempt);
        }
        return result;
    }

    private static Authentication signedIn(UserDetails user, Authentication attempt) {
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.setDetails(attempt.getDetails());
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
