package io.leadline.persistence;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Results of work handed to another thread (the import's scoring threads, rescoring's reader), as plain exceptions. */
public final class BackgroundWork {

    private BackgroundWork() {}

    /**
     * The work's result, waiting for it. Its own runtime exception is rethrown as it was; anything else, or an
     * interruption, ends as an {@link IllegalStateException} that says what {@code work} was.
     */
    public static <T> T result(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
