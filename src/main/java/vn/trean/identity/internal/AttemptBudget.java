package vn.trean.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sign-in attempts one client address may start: a token bucket per address of
 * {@code capacity} attempts that refills over {@code window}. An attempt takes a token before the
 * password hash is computed, so a burst cannot keep the cores busy with BCrypt; a successful sign-in
 * gives its token back, so that people who type their password right (and API clients, which sign in
 * on every call) are never limited, however many of them share one address.
 */
final class AttemptBudget {

    private static final int SWEEP_ABOVE = 10_000;

    private final int capacity;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AttemptBudget(int capacity, Duration window) {
        if (capacity < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("an attempt budget needs a positive capacity and window");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) window.toNanos();
    }

    /** Takes one attempt for the address; empty when allowed, otherwise how long until the next one is. */
    Optional<Duration> take(String address, Instant now) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(address, a -> new Bucket(capacity, now)).take(now);
    }

    /** Returns the attempt of a successful sign-in. */
    void giveBack(String address, Instant now) {
        Bucket bucket = buckets.get(address);
        if (bucket != null) {
            bucket.giveBack(now);
        }
    }

    private final class Bucket {
        private double tokens;
        private Instant updated;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Optional<Duration> take(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
        }

        synchronized void giveBack(Instant now) {
            refill(now);
            tokens = Math.min(capacity, tokens + 1);
        }

        synchronized boolean isFull(Instant now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(Instant now) {
            if (now.isAfter(updated)) {
                tokens = Math.min(capacity, tokens + Duration.between(updated, now).toNanos() * tokensPerNano);
                updated = now;
            }
        }
    }
}
