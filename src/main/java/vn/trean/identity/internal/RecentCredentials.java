package vn.trean.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Credentials that passed the BCrypt check a moment ago. API clients send HTTP Basic on every call,
 * and BCrypt costs about 80 ms of a core each time; a repeat of the same user name and password within
 * {@code ttl} is answered from here. Only a keyed hash (HMAC with a key made at start, never stored) of
 * the pair is kept, never the password. A password change, a reset or a disabled account clears the
 * user's entries on this node ({@link #forget}); on other nodes a changed password keeps working for up to
 * {@code ttl}, while a disabled account is refused at once everywhere by {@link AccountStanding}. A zero
 * ttl turns the cache off.
 */
final class RecentCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(UserDetails user, Instant expires) {
    }

    RecentCredentials(Duration ttl) {
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Drops every remembered credential of {@code username}: its password changed or it was disabled. */
    void forget(String username) {
        entries.values().removeIf(e -> e.user().getUsername().equals(username));
    }

    Optional<UserDetails> find(String username, String password, Instant now) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        Entry entry = entries.get(hash(username, password));
        return entry != null && entry.expires().isAfter(now) ? Optional.of(entry.user()) : Optional.empty();
    }

    void remember(String username, String password, UserDetails user, Instant now) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(hash(username, password), new Entry(user, now.plus(ttl)));
    }

    private String hash(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
