package vn.trean.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The order of the checks of a sign-in, with a clock the test moves and a count of password checks. */
class ThrottledSignInTests {

    private static final Instant START = Instant.parse("2026-12-01T03:00:00Z");

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final String hash = bcrypt.encode("right");
    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final PasswordEncoder countingEncoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            passwordChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final UserDetailsService users = name -> {
        if (name.equals("admin")) {
            return User.withUsername("admin").password(hash).roles("ADMIN").build();
        }
        if (name.equals("gone")) {
            return User.withUsername("gone").password(hash).roles("POLICE").disabled(true).build();
        }
        throw new UsernameNotFoundException(name);
    };
    private final MutableClock clock = new MutableClock();
    private final ThrottledSignIn signIn = new ThrottledSignIn(SecurityConfiguration.passwordCheck(users, countingEncoder),
            new AttemptBudget(5, Duration.ofSeconds(10)), new FailureDelays(3, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofHours(1)), new RecentCredentials(Duration.ofMinutes(2)), clock);

    @Test
    void anUnknownUserCostsAPasswordCheckAndGetsTheWrongPasswordsException() {
        assertThatThrownBy(() -> signIn.authenticate(attempt("nobody", "right", "10.0.0.1")))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(passwordChecks).hasValue(1);
    }

    @Test
    void aDisabledAccountCostsAPasswordCheckAndGetsTheWrongPasswordsAnswerForAWrongPassword() {
        assertThatThrownBy(() -> signIn.authenticate(attempt("gone", "wrong", "10.0.0.1")))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(passwordChecks).hasValue(1);
    }

    @Test
    void afterThreeFailuresThePairWaitsOneSecondThenTwoWithoutItsPasswordBeingChecked() {
        for (int i = 0; i < 3; i++) {
            fail("admin", "wrong", "10.0.0.1");
            clock.advance(Duration.ofMillis(100));
        }
        int checks = passwordChecks.get();
        assertThatThrownBy(() -> signIn.authenticate(attempt("admin", "right", "10.0.0.1")))
                .isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(passwordChecks).hasValue(checks);

        // that refusal counted as the fourth failure: two seconds from then
        clock.advance(Duration.ofMillis(1500));
        assertThatThrownBy(() -> signIn.authenticate(attempt("admin", "right", "10.0.0.1")))
                .isExactlyInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofSeconds(5));
        assertThat(signIn.authenticate(attempt("admin", "right", "10.0.0.1")).isAuthenticated()).isTrue();
    }

    @Test
    void anotherAddressSignsInWhileTheFirstWaits() {
        for (int i = 0; i < 4; i++) {
            fail("admin", "wrong", "10.0.0.1");
        }
        assertThat(signIn.authenticate(attempt("admin", "right", "10.0.0.2")).isAuthenticated()).isTrue();
    }

    @Test
    void delaysDoubleUpToTheirCap() {
        var delays = new FailureDelays(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1));
        assertThat(delays.delayAfter(2)).isZero();
        assertThat(delays.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delays.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delays.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delays.delayAfter(9)).isEqualTo(Duration.ofSeconds(60));
        assertThat(delays.delayAfter(500)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSpentBudgetIsRefusedBeforeAnyPasswordCheckAndRefillsWithTime() {
        for (int i = 0; i < 5; i++) {
            fail("guess" + i, "x", "10.0.0.3");
        }
        int checks = passwordChecks.get();
        assertThatThrownBy(() -> signIn.authenticate(attempt("admin", "right", "10.0.0.3")))
                .isInstanceOfSatisfying(SignInRefused.class, r -> assertThat(r.retryAfterSeconds()).isEqualTo(2));
        assertThat(passwordChecks).hasValue(checks);
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn.authenticate(attempt("admin", "right", "10.0.0.3")).isAuthenticated()).isTrue();
    }

    @Test
    void successfulSignInsGiveTheirAttemptBackAndRepeatsSkipBCrypt() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn.authenticate(attempt("admin", "right", "10.0.0.4")).isAuthenticated()).isTrue();
        }
        assertThat(passwordChecks).hasValue(1);
        clock.advance(Duration.ofMinutes(3));
        signIn.authenticate(attempt("admin", "right", "10.0.0.4"));
        assertThat(passwordChecks).hasValue(2);
    }

    @Test
    void anIpv6ClientIsCountedByItsNetwork() {
        assertThat(ClientAddresses.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddresses.key("2001:db8:1:2:bbbb::7"));
        assertThat(ClientAddresses.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddresses.key("2001:db8:1:2::1"));
        assertThat(ClientAddresses.key("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    private void fail(String user, String password, String address) {
        assertThatThrownBy(() -> signIn.authenticate(attempt(user, password, address)))
                .isExactlyInstanceOf(BadCredentialsException.class);
    }

    private static Authentication attempt(String user, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    private static final class MutableClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
