package io.leadline.persistence.duplicates;

import io.leadline.core.duplicates.DuplicateScans;
import io.leadline.persistence.jobs.JobLeases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link DuplicateScans} on {@code duplicate_scan}, leased as every job table is ({@link JobLeases}). */
@Repository
class JdbcDuplicateScans implements DuplicateScans {

    private static final String COLUMNS = "id, requested_by, requested_at, status, pairs_found, finished_at, error";

    private final JdbcClient jdbc;
    private final JobLeases leases;

    JdbcDuplicateScans(JdbcClient jdbc, JobLeases leases) {
        this.jdbc = jdbc;
        this.leases = leases;
    }

    @Override
    @Transactional
    public Scan request(String by, Instant at) {
        // One request at a time gets in: the lock makes "is one open?" and "queue one" a single step across instances.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('duplicate_scan'))")
                .query(Object.class)
                .single();
        return open().orElseGet(() -> {
            long id = jdbc.sql("insert into duplicate_scan (requested_by, requested_at) values (?, ?) returning id")
                    .params(by, Timestamp.from(at))
                    .query(Long.class)
                    .single();
            return find(id).orElseThrow();
        });
    }

    private Optional<Scan> open() {
        return jdbc.sql("select " + COLUMNS
                        + " from duplicate_scan where status in ('QUEUED', 'RUNNING') order by id limit 1")
                .query((rs, n) -> scan(rs))
                .optional();
    }

    @Override
    public Optional<Scan> latest() {
        return jdbc.sql("select " + COLUMNS + " from duplicate_scan order by id desc limit 1")
                .query((rs, n) -> scan(rs))
                .optional();
    }

    private Optional<Scan> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from duplicate_scan where id = ?")
                .param(id)
                .query((rs, n) -> scan(rs))
                .optional();
    }

    @Override
    @Transactional
    public Optional<Scan> claimNext(String worker, Instant at, Instant staleBefore) {
        return leases.claim(
                        JobLeases.JobTable.DUPLICATE_SCAN,
                        worker,
                        at,
                        staleBefore,
                        "The application stopped during the " + "scan for duplicates, " + JobLeases.MAX_ATTEMPTS
                                + " times. Run it again.")
                .flatMap(this::find);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(long id, long pairsFound, Instant at) {
        jdbc.sql("update duplicate_scan set status = 'DONE', pairs_found = ?, finished_at = ? where id = ?")
                .params(pairsFound, Timestamp.from(at), id)
                .update();
    }

    @Override
    public void fail(long id, String message, Instant at) {
        leases.fail(JobLeases.JobTable.DUPLICATE_SCAN, id, message, at);
    }

    private static Scan scan(ResultSet rs) throws SQLException {
        long pairs = rs.getLong("pairs_found");
        Long pairsFound = rs.wasNull() ? null : pairs;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Scan(
                rs.getLong("id"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                Status.valueOf(rs.getString("status")),
                pairsFound,
                finished == null ? null : finished.toInstant(),
                rs.getString("error"));
    }
}
