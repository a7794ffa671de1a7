package io.leadline.persistence.scoring;

import io.leadline.persistence.jobs.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import io.leadline.persistence.jobs.JobLeases;
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

    public record RescoreJob(long id, String requestedBy, Instant requestedAt, String reason, JobStatus status, long leadsTotal,
                             long leadsDone, long changed, long moved, Instant finishedAt, String error) {

        public int percent() {
            return status == JobStatus.DONE ? 100 : leadsTotal == 0 ? 0 : (int) Math.min(100, leadsDone * 100 / leadsTotal);
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

    /** Queues a rescoring unless one is waiting already (one is enough: it will use the model live when it starts). */
    @Transactional
    public long queue(String requestedBy, String reason, Instant at) {
        return jdbc.sql("select id from rescore_job where status = 'QUEUED' order by id limit 1").query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                                insert into rescore_job (requested_by, requested_at, reason, status) values (?, ?, ?, 'QUEUED')
                                returning id""")
                        .params(requestedBy, Timestamp.from(at), reason).query(Long.class).single());
    }

    /**
     * Takes the oldest queued rescoring, or one whose instance died running it (its lease expired before
     * {@code staleBefore}; it starts again, the chunks done so far keep their new scores). The leads are counted only
     * when a job is claimed.
     */
    /**
     * Queues a scheduled rescoring once per {@code key}: every instance's scheduler asks, the unique key lets one in.
     * Answers whether this call queued it.
     */
    @Transactional
    public boolean queueScheduled(String key, String reason, Instant at) {
        return jdbc.sql("""
                        insert into rescore_job (requested_by, requested_at, reason, status, schedule_key)
                        values ('system', ?, ?, 'QUEUED', ?) on conflict do nothing""")
                .params(Timestamp.from(at), reason, key).update() == 1;
    }

    @Transactional
    public Optional<RescoreJob> claimNext(String worker, java.util.function.LongSupplier leadsTotal, Instant at, Instant staleBefore) {
        Optional<Long> id = leases.claim(JobLeases.JobTable.RESCORE, worker, at, staleBefore, "The application stopped during "
                + "rescoring, " + JobLeases.MAX_ATTEMPTS + " times; the leads done so far keep their new scores. Run it again.");
        id.ifPresent(jobId -> jdbc.sql("update rescore_job set leads_total = ?, leads_done = 0 where id = ?")
                .params(leadsTotal.getAsLong(), jobId).update());
        return id.flatMap(this::find);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(long id, long done) {
        jdbc.sql("update rescore_job set leads_done = ? where id = ?").params(done, id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(long id, Rescoring.Result result, Instant at) {
        jdbc.sql("""
                        update rescore_job set status = 'DONE', leads_done = ?, leads_total = ?, changed = ?, moved = ?,
                               finished_at = ? where id = ?""")
                .params(result.leads(), result.leads(), result.changed(), result.moved(), Timestamp.from(at), id).update();
    }

    public void fail(long id, String error, Instant at) {
        leases.fail(JobLeases.JobTable.RESCORE, id, error, at);
    }


    public Optional<RescoreJob> find(long id) {
        return jdbc.sql("select * from rescore_job where id = ?").param(id).query(RescoreJobs::job).optional();
    }

    public Optional<RescoreJob> latest() {
        return jdbc.sql("select * from rescore_job order by id desc limit 1").query(RescoreJobs::job).optional();
    }

    private static RescoreJob job(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RescoreJob(rs.getLong("id"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("reason"), JobStatus.valueOf(rs.getString("status")), rs.getLong("leads_total"), rs.getLong("leads_done"),
                rs.getLong("changed"), rs.getLong("moved"), finished == null ? null : finished.toInstant(), rs.getString("error"));
    }
}
