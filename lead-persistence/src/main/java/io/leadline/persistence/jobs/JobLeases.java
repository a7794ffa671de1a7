package io.leadline.persistence.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leases on background jobs, so that several application instances share one queue: a job is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (two instances never claim the same one), the instance running it renews its
 * heartbeat, and a job whose heartbeat is older than the lease (its instance died) is claimed again by another,
 * at most {@value #MAX_ATTEMPTS} attempts in all. The job tables share the lease columns
 * ({@code status, worker, heartbeat_at, attempts, started_at, finished_at, error}).
 */
@Repository
public class JobLeases {

    public static final int MAX_ATTEMPTS = 3;

    /** The job tables, named here so that no other table name reaches the SQL. */
    public enum JobTable {
        IMPORT("import_job", "requested_at, id", true),
        RESCORE("rescore_job", "id", false),
        TRAINING("likelihood_model", "id", true),
        DUPLICATE_SCAN("duplicate_scan", "id", false),
        BULK_ACTION("bulk_action", "id", false);

        final String table;
        final String order;
        /** Whether the table says which phase a running job is in (and 'failed' once it failed). */
        final boolean phased;

        JobTable(String table, String order, boolean phased) {
            this.table = table;
            this.order = order;
            this.phased = phased;
        }
    }

    private final JdbcClient jdbc;

    JobLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the oldest queued job, or a running one whose lease expired before {@code staleBefore}, for {@code worker};
     * answers its id. Jobs that used up their attempts are failed with {@code exhausted} as the error. Runs in the
     * caller's transaction, which should then reset the job's progress.
     */
    public Optional<Long> claim(JobTable job, String worker, Instant at, Instant staleBefore, String exhausted) {
        jdbc.sql("update " + job.table + " set status = 'FAILED', finished_at = ?, error = ?"
                        + (job.phased ? ", phase = 'failed'" : "")
                        + " where status = 'RUNNING' and heartbeat_at < ? and attempts >= ?")
                .params(Timestamp.from(at), exhausted, Timestamp.from(staleBefore), MAX_ATTEMPTS)
                .update();
        Optional<Long> id = jdbc.sql("select id from " + job.table + " where status = 'QUEUED' "
                        + "or (status = 'RUNNING' and heartbeat_at < ?) order by " + job.order
                        + " limit 1 for update skip locked")
                .param(Timestamp.from(staleBefore))
                .query(Long.class)
                .optional();
        id.ifPresent(jobId -> jdbc.sql("update " + job.table + " set status = 'RUNNING', worker = ?, heartbeat_at = ?, "
                        + "attempts = attempts + 1, started_at = ? where id = ?")
                .params(worker, Timestamp.from(at), Timestamp.from(at), jobId)
                .update());
        return id;
    }

    /**
     * Renews the lease; false when another instance took the job over. A job that has just finished (its runner
     * still winding up) needs no renewal and is no takeover: true.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean renew(JobTable job, long id, String worker, Instant at) {
        if (jdbc.sql("update " + job.table + " set heartbeat_at = ? where id = ? and worker = ? and status = 'RUNNING'")
                        .params(Timestamp.from(at), id, worker)
                        .update()
                == 1) {
            return true;
        }
        return jdbc.sql("select count(*) from " + job.table + " where id = ? and status = 'RUNNING' and worker <> ?")
                        .params(id, worker)
                        .query(Long.class)
                        .single()
                == 0;
    }

    /** Fails a job with the message its page shows: the one way every kind of job fails, in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void fail(JobTable job, long id, String error, Instant at) {
        jdbc.sql("update " + job.table + " set status = 'FAILED', error = ?, finished_at = ?"
                        + (job.phased ? ", phase = 'failed'" : "") + " where id = ?")
                .params(error, Timestamp.from(at), id)
                .update();
    }

    /** How many times the job was started (more than once when an instance died running it). */
    public int attempts(JobTable job, long id) {
        return jdbc.sql("select attempts from " + job.table + " where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }
}
