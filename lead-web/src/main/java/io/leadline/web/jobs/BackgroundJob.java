package io.leadline.web.jobs;

import io.leadline.persistence.jobs.JobLeases.JobTable;
import java.time.Instant;
import java.util.Optional;

/**
 * One kind of background job (an import, a rescoring, a training), as {@link JobRunner} runs it: claimed from its
 * table with a lease, run on this instance while the lease is renewed, failed with one message when it throws. A job
 * is "done" when {@link #run} returns; it stores its own result.
 *
 * @param <J> the claimed job, as its table's repository reads it
 */
public interface BackgroundJob<J> {

    /** Its table: the leases and the heartbeat are kept there. */
    JobTable table();

    /** Claims the next queued job, or one whose instance died (lease older than {@code staleBefore}). */
    Optional<J> claim(String worker, Instant now, Instant staleBefore);

    long id(J job);

    /** Runs the claimed job to its end and stores what it did; throws to fail it. */
    void run(J job);

    /** Marks the job failed with this message (in a transaction of its own). */
    void fail(long id, String message, Instant at);

    /**
     * What the job's page says when {@link #run} threw: an {@link ExpectedFailure}'s own message (the job's input was
     * at fault), anything else after this prefix (with the cause logged).
     */
    String failurePrefix();

    /** A failure the job expected, stated for the person who asked for it (an unreadable file, too few outcomes). */
    class ExpectedFailure extends RuntimeException {

        public ExpectedFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
