package io.leadline.web;

import java.time.Duration;
import java.time.Instant;

/** Waits for something that happens in the background (a job, an event listener) instead of a sleep loop per test. */
public final class Eventually {

    /** An assertion that may throw, tried again until it passes. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

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
            Thread.sleep(50);
        }
    }
}
