package vn.trean.identity.internal;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many sign-in attempts from one client address: answered 429 with Retry-After, before any password is checked. */
final class SignInRefused extends AuthenticationException {

    private final Duration retryAfter;

    SignInRefused(Duration retryAfter) {
        super("too many sign-in attempts from this address");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header wants them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
