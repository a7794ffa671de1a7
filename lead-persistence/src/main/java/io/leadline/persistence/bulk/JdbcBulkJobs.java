package io.leadline.persistence.bulk;

import io.leadline.core.bulk.BulkAction;
import io.leadline.core.bulk.BulkJobs;
import io.leadline.persistence.jobs.JobLeases;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link BulkJobs} on {@code bulk_action}: the selection kept as an id array, progress and refusals beside it. */
@Repository
class JdbcBulkJobs implements BulkJobs {

    private static final String COLUMNS = """
            id, kind, rep, reason_code, note, revisit_on, segment_id, total, done, changed, refused, requested_by, admin, requested_at,
            status, finished_at, error""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JobLeases leases;

    JdbcBulkJobs(JdbcClient jdbc, JdbcTemplate batch, JobLeases leases) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.leases = leases;
    }

    @Override
    @Transactional
    public long request(BulkAction action, List<Long> leadIds, String by, boolean admin, Instant at) {
        return jdbc.sql("""
                        insert into bulk_action (kind, rep, reason_code, note, revisit_on, segment_id, lead_ids, total,
                                                 requested_by, admin, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        action.kind().name(),
                        action.rep(),
                        action.reasonCode(),
                        action.note(),
                        action.revisitOn() == null ? null : Date.valueOf(action.revisitOn()),
                        action.segmentId(),
                        leadIds.toArray(Long[]::new),
                        leadIds.size(),
                        by,
                        admin,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Job> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from bulk_action where id = ?")
                .param(id)
                .query(JdbcBulkJobs::job)
                .optional();
    }

    @Override
    @Transactional
    public Optional<Job> claimNext(String worker, Instant at, Instant staleBefore) {
        return leases.claim(
                        JobLeases.JobTable.BULK_ACTION,
                        worker,
                        at,
                        staleBefore,
                        "The application stopped during the " + "bulk action, " + JobLeases.MAX_ATTEMPTS
                                + " times. What it did so far stays done.")
                .flatMap(this::find);
    }

    @Override
    public List<Long> leads(long id) {
        Long[] ids = jdbc.sql("select lead_ids from bulk_action where id = ?")
                .param(id)
                .query((rs, n) -> (Long[]) rs.getArray(1).getArray())
                .single();
        return Arrays.asList(ids);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(long id, int done, int changed, List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            batch.batchUpdate(
                    "insert into bulk_action_refusal (bulk_id, lead_id, reason) values (?, ?, ?)",
                    refusals.stream()
                            .map(r -> new Object[] {id, r.leadId(), r.reason()})
                            .toList());
        }
        jdbc.sql("update bulk_action set done = ?, changed = changed + ?, refused = refused + ? where id = ?")
                .params(done, changed, refusals.size(), id)
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(long id, Instant at) {
        jdbc.sql("update bulk_action set status = 'DONE', finished_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    @Override
    public void fail(long id, String message, Instant at) {
        leases.fail(JobLeases.JobTable.BULK_ACTION, id, message, at);
    }

    @Override
    public List<ReasonCount> refusalReasons(long id, int limit) {
        return jdbc.sql("""
                        select reason, count(*) from bulk_action_refusal where bulk_id = ?
                        group by reason order by count(*) desc, reason limit ?""")
                .params(id, limit)
                .query((rs, n) -> new ReasonCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        Date revisit = rs.getDate("revisit_on");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(
                rs.getLong("id"),
                new BulkAction(
                        BulkAction.Kind.valueOf(rs.getString("kind")),
                        rs.getString("rep"),
                        rs.getString("reason_code"),
                        rs.getString("note"),
                        revisit == null ? null : revisit.toLocalDate(),
                        (Long) rs.getObject("segment_id")),
                rs.getString("requested_by"),
                rs.getBoolean("admin"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("total"),
                rs.getInt("done"),
                rs.getInt("changed"),
                rs.getInt("refused"),
                rs.getTimestamp("requested_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("error"));
    }
}
