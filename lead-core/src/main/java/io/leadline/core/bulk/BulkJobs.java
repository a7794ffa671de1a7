package io.leadline.core.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Bulk actions on selected leads as background jobs, with progress and the refusals. Implemented by lead-persistence. */
public interface BulkJobs {

    enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * One bulk action: what, on how many leads, by whom (and whether an admin), how far it got, how many leads it
     * changed and how many it refused.
     */
    record Job(
            long id,
            BulkAction action,
            String requestedBy,
            boolean admin,
            Status status,
            int total,
            int done,
            int changed,
            int refused,
            Instant requestedAt,
            Instant finishedAt,
            String error) {

        public boolean open() {
            return status == Status.QUEUED || status == Status.RUNNING;
        }

        public int percent() {
            return total == 0 ? 100 : (int) (100L * done / total);
        }
    }

    /** A lead the action did not move, and why ("This lead is already claimed by rita."). */
    record Refusal(long leadId, String reason) {}

    long request(BulkAction action, List<Long> leadIds, String by, boolean admin, Instant at);

    Optional<Job> find(long id);

    Optional<Job> claimNext(String worker, Instant at, Instant staleBefore);

    /** The job's leads, in the order they are worked. */
    List<Long> leads(long id);

    /** Progress after a chunk: how many leads were worked in all, and the chunk's refusals. */
    void progress(long id, int done, int changed, List<Refusal> refusals);

    void finish(long id, Instant at);

    void fail(long id, String message, Instant at);

    /** Why leads were refused, grouped: each reason with how many leads it refused, most first. */
    List<ReasonCount> refusalReasons(long id, int limit);

    record ReasonCount(String reason, long leads) {}
}
