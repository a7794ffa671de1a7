package io.leadline.persistence.scoring;

import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.jobs.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Rescoring jobs, claimed with {@code FOR UPDATE SKIP LOCKED} like imports. */
@Repository
public class RescoreJobs {

    private final JdbcClient jdbc;

    private final JobLeases leases;

    RescoreJobs(JdbcClient jdbc, JobLeases leases) {
        this.leases = leases;
        this.jdbc = jdbc;
    }

    /**
     * @param modelChange queued by model changes only: it may read only the leads they can move
     * @param modelVersion the model it scores with, once running
     * @param scope what it reads, in words, once running
     */
    public record RescoreJob(
            long id,
            String requestedBy,
            Instant requestedAt,
            String reason,
            JobStatus status,
            long leadsTotal,
            long leadsDone,
            long changed,
            long moved,
            Instant finishedAt,
            String error,
            boolean modelChange,
            Integer modelVersion,
            String scope,
            long mqlsIn,
            long mqlsOut) {

        public int percent() {
            return status == JobStatus.DONE
                    ? 100
                    : leadsTotal == 0 ? 0 : (int) Math.min(100, leadsDone * 100 / leadsTotal);
        }

        public boolean running() {
            return status.running();
        }

        public boolean done() {
            return status == JobStatus.DONE;
        }

        public boolean failed() {
            return status == JobStatus.FAILED;
        }
    }

    /**
     * Queues a rescoring of every lead unless one is waiting already (one is enough: it will use the model live when it
     * starts); a waiting one that was to read only what model changes can move now reads everyone.
     */
    @Transactional
    public long queue(String requestedBy, String reason, Instant at) {
        return queue(requestedBy, reason, at, false);
    }

    /**
     * Queues the rescoring a model change (activation, roll-back) needs, which reads only the leads the change can move
     * from the model the stored scores came from; joins one already waiting (several activations: one pass).
     */
    @Transactional
    public long queueModelChange(String requestedBy, String reason, Instant at) {
        return queue(requestedBy, reason, at, true);
    }

    private long queue(String requestedBy, String reason, Instant at, boolean modelChange) {
        Optional<Long> waiting = jdbc.sql(
                        "select id from rescore_job where status = 'QUEUED' order by id limit 1 for update")
                .query(Long.class)
                .optional();
        waiting.filter(id -> !modelChange)
                .ifPresent(id -> jdbc.sql("update rescore_job set model_change = false where id = ?")
                        .param(id)
                        .update());
        return waiting.orElseGet(() -> jdbc.sql("""
                                insert into rescore_job (requested_by, requested_at, reason, status, model_change)
                                values (?, ?, ?, 'QUEUED', ?) returning id""")
                .params(requestedBy, Timestamp.from(at), reason, modelChange)
                .query(Long.class)
                .single());
    }

    /**
     * The model version the stored scores came from, as this job starts: that of the job before it, when it finished
     * and nothing else runs or failed since (a failed or running pass leaves scores of two versions); when no job ever
     * ran, the one version every stored score has, if they share one.
     */
    @Transactional
    public Optional<Integer> baseVersion(long jobId) {
        record Before(JobStatus status, Integer modelVersion) {}
        var before = jdbc.sql("""
                        select status, model_version from rescore_job where id <> ? and status <> 'QUEUED'
                        order by coalesce(finished_at, 'infinity') desc, id desc limit 1""")
                .param(jobId)
                .query((rs, n) -> new Before(JobStatus.valueOf(rs.getString(1)), (Integer) rs.getObject(2)))
                .optional();
        if (before.isPresent()) {
            return before.get().status() == JobStatus.DONE
                    ? Optional.ofNullable(before.get().modelVersion())
                    : Optional.empty();
        }
        return jdbc.sql("select min(model_version) from lead_score having min(model_version) = max(model_version)")
                .query(Integer.class)
                .optional();
    }

    /** The model the job scores with and what it reads, once it has worked that out (the page shows both). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reads(long id, int modelVersion, String scope, long leadsTotal) {
        jdbc.sql("update rescore_job set model_version = ?, scope = ?, leads_total = ? where id = ?")
                .params(modelVersion, scope, leadsTotal, id)
                .update();
    }

    /**
     * Queues a scheduled rescoring once per {@code key}: every instance's scheduler asks, the unique key lets one in.
     * Answers whether this call queued it.
     */
    @Transactional
    public boolean queueScheduled(String key, String reason, Instant at) {
        return jdbc.sql("""
                        insert into rescore_job (requested_by, requested_at, reason, status, schedule_key)
                        values ('system', ?, ?, 'QUEUED', ?) on conflict do nothing""").params(Timestamp.from(at), reason, key).update() == 1;
    }

    /**
     * Takes the oldest queued rescoring, or one whose instance died running it (its lease expired before
     * {@code staleBefore}; it starts again, the chunks done so far keep their new scores). How many leads it reads is
     * known once it has worked out its scope ({@link #reads}).
     */
    @Transactional
    public Optional<RescoreJob> claimNext(String worker, Instant at, Instant staleBefore) {
        Optional<Long> id = leases.claim(
                JobLeases.JobTable.RESCORE,
                worker,
                at,
                staleBefore,
                "The application stopped during " + "rescoring, " + JobLeases.MAX_ATTEMPTS
                        + " times; the leads done so far keep their new scores. Run it again.");
        id.ifPresent(jobId -> jdbc.sql("update rescore_job set leads_total = 0, leads_done = 0 where id = ?")
                .param(jobId)
                .update());
        return id.flatMap(this::find);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(long id, long done) {
        jdbc.sql("update rescore_job set leads_done = ? where id = ?")
                .params(done, id)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(long id, Rescoring.Result result, Instant at) {
        jdbc.sql("""
                        update rescore_job set status = 'DONE', leads_done = ?, leads_total = ?, changed = ?, moved = ?,
                               mqls_in = ?, mqls_out = ?, finished_at = ? where id = ?""")
                .params(
                        result.leads(),
                        result.leads(),
                        result.changed(),
                        result.moved(),
                        result.mqlsIn(),
                        result.mqlsOut(),
                        Timestamp.from(at),
                        id)
                .update();
    }

    public void fail(long id, String error, Instant at) {
        leases.fail(JobLeases.JobTable.RESCORE, id, error, at);
    }

    public Optional<RescoreJob> find(long id) {
        return jdbc.sql("select * from rescore_job where id = ?")
                .param(id)
                .query(RescoreJobs::job)
                .optional();
    }

    public Optional<RescoreJob> latest() {
        return jdbc.sql("select * from rescore_job order by id desc limit 1")
                .query(RescoreJobs::job)
                .optional();
    }

    private static RescoreJob job(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RescoreJob(
                rs.getLong("id"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("reason"),
                JobStatus.valueOf(rs.getString("status")),
                rs.getLong("leads_total"),
                rs.getLong("leads_done"),
                rs.getLong("changed"),
                rs.getLong("moved"),
                finished == null ? null : finished.toInstant(),
                rs.getString("error"),
                rs.getBoolean("model_change"),
                (Integer) rs.getObject("model_version"),
                rs.getString("scope"),
                rs.getLong("mqls_in"),
                rs.getLong("mqls_out"));
    }
}
