package io.leadline.core.duplicates;

import java.time.Instant;
import java.util.Optional;

/** Scans of the whole lead base for possible duplicates, as background jobs. Implemented by lead-persistence. */
public interface DuplicateScans {

    enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /** One scan: who asked, where it stands, how many pairs it stored. */
    record Scan(
            long id,
            String requestedBy,
            Instant requestedAt,
            Status status,
            Long pairsFound,
            Instant finishedAt,
            String error) {

        public boolean open() {
            return status == Status.QUEUED || status == Status.RUNNING;
        }
    }

    /** Queues a scan, or answers the one queued or running already (two at once would do the same work). */
    Scan request(String by, Instant at);

    Optional<Scan> latest();

    /** The next queued scan, or one whose instance died, claimed for {@code worker}. */
    Optional<Scan> claimNext(String worker, Instant at, Instant staleBefore);

    void finish(long id, long pairsFound, Instant at);

    void fail(long id, String message, Instant at);
}
