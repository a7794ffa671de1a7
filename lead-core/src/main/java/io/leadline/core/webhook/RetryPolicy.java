package io.leadline.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential back-off (10 s, 20 s, 40 s, … capped at an hour) with up to a
 * fifth of random jitter, for {@link #GIVE_UP_AFTER} from the first attempt; then it is given up and the endpoint
 * disabled, for an admin to look at.
 */
public final class RetryPolicy {

    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofHours(1);

    private RetryPolicy() {}

    /**
     * The next attempt after {@code attempts} failed ones, or empty once the delivery is older than the give-up window.
     * {@code jitter} is in [0, 1) (a random draw; a test passes a fixed one).
     */
    public static Optional<Instant> nextAttempt(int attempts, Instant firstTried, Instant now, double jitter) {
        if (!now.isBefore(firstTried.plus(GIVE_UP_AFTER))) {
            return Optional.empty();
        }
        long base = FIRST.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long wait = Math.min(LONGEST.toMillis(), base);
        return Optional.of(now.plusMillis(wait + (long) (wait * 0.2 * jitter)));
    }
}
