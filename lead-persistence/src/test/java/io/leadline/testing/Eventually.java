package io.leadline.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waits for something that happens in the background (a job, an event listener, a download) instead of a sleep loop
 * per test. Both forms fail with what they last saw when the time is up.
 */
public final class Eventually {

    /** An assertion that may throw, tried again until it passes. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** Reads the current state of what is awaited (a job's row, a file in a folder). */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws Exception;
    }

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Eventually() {}

    /** Runs the check until it passes, at most 30 s; then fails with its last failure. */
    public static void eventually(Check check) throws Exception {
        eventually(Duration.ofSeconds(30), check);
    }

    public static void eventually(Duration limit, Check check) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            Thread.sleep(PAUSE);
        }
    }

    /**
     * Reads until what it reads is ready and answers that, at most {@code limit}; then fails naming {@code what} and
     * the last reading.
     */
    public static <T> T until(Duration limit, String what, Reading<T> reading, Predicate<? super T> ready)
            throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            T value = reading.read();
            if (ready.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + limit + "; last seen: " + value);
            }
            Thread.sleep(PAUSE);
        }
    }
}
