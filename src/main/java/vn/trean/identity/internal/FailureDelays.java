package vn.trean.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing waits after wrong passwords for one (user name, client address) pair: from failure number
 * {@code delayFrom} in a row on, the pair waits {@code firstDelay}, then twice that, four times ...
 * up to {@code maxDelay}; until the wait is over its attempts are refused without checking the password. Only that pair waits: the same user signs in
 * from any other address as usual, so a stranger cannot lock anyone out. A pair with no failure for
 * {@code forgetAfter} starts again from zero; a successful sign-in forgets it at once.
 */
final class FailureDelays {

    private static final int SWEEP_EVERY = 1_000;

    private final int delayFrom;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Map<String, Failures> pairs = new ConcurrentHashMap<>();
    private int sinceSweep;

    FailureDelays(int delayFrom, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
        this.delayFrom = delayFrom;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    private record Failures(int count, Instant last, Instant waitUntil) {
    }

    /** How long the pair must still wait before its password is checked again; empty when it need not. */
    Optional<Duration> waitFor(String pair, Instant now) {
        Failures failures = pairs.get(pair);
        if (failures == null || !failures.waitUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.waitUntil()));
    }

    void failed(String pair, Instant now) {
        sweepNowAndThen(now);
        pairs.compute(pair, (key, before) -> {
            int count = before == null || isStale(before, now) ? 1 : before.count() + 1;
            return new Failures(count, now, now.plus(delayAfter(count)));
        });
    }

    void succeeded(String pair) {
        pairs.remove(pair);
    }

    /** The wait after the given number of failures in a row. */
    Duration delayAfter(int failures) {
        int doublings = failures - delayFrom;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        // 2^30 seconds is far beyond any sensible cap: stop doubling before the arithmetic overflows
        Duration delay = firstDelay.multipliedBy(1L << Math.min(doublings, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private boolean isStale(Failures failures, Instant now) {
        return failures.last().plus(forgetAfter).isBefore(now);
    }

    private synchronized void sweepNowAndThen(Instant now) {
        if (++sinceSweep >= SWEEP_EVERY) {
            sinceSweep = 0;
            pairs.values().removeIf(failures -> isStale(failures, now));
        }
    }
}
