package io.leadline.core.user;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long failed attempts make the next one wait: nothing for the first {@code freeFailures - 1}, then
 * {@code firstDelay} after the {@code freeFailures}-th, doubling with each further failure up to {@code longestDelay}.
 * A quiet {@code forgetAfter} since the last failure starts the count again. A growing delay rather than a lock: a
 * guesser is slowed to a few tries an hour, while the owner of the account waits minutes, not forever.
 */
public record Throttling(int freeFailures, Duration firstDelay, Duration longestDelay, Duration forgetAfter) {

    /** Five tries, then 30 s, 1 min, 2 min … up to 15 min; forgotten after a quiet hour. */
    public static Throttling perAccount() {
        return new Throttling(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
    }

    /** Twenty failures for any usernames from one address, then the same growing delay. */
    public static Throttling perAddress() {
        return new Throttling(20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
    }

    public Throttling {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("At least one attempt is free.");
        }
        Objects.requireNonNull(firstDelay);
        Objects.requireNonNull(longestDelay);
        Objects.requireNonNull(forgetAfter);
        if (firstDelay.isNegative() || firstDelay.isZero() || longestDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Delays are positive and the longest is at least the first.");
        }
    }

    /** The wait after {@code failures} failed attempts in a row, if any. */
    public Optional<Duration> delayAfter(int failures) {
        if (failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = failures - freeFailures;
        long longest = longestDelay.toMillis();
        long delay = firstDelay.toMillis();
        for (int i = 0; i < doublings && delay < longest; i++) {
            delay *= 2;
        }
        return Optional.of(Duration.ofMillis(Math.min(delay, longest)));
    }
}
