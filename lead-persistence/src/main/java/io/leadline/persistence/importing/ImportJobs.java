package io.leadline.persistence.importing;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DateFormat;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.importing.ImportField;
import io.leadline.core.importing.ImportFindings;
import io.leadline.core.importing.StageMapping;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.persistence.PostgresArrays;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.jobs.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import jobs in the {@code import_job} table. A worker claims a queued job with {@code FOR UPDATE SKIP
 * LOCKED}, so two application instances never run the same import; progress is written in its own small
 * transactions, so a page can show it while the import's own transaction is still open.
 */
@Repository
public class ImportJobs implements ImportFindings {

    private static final String COLUMNS = """
            id, kind, file_name, stored_file, requested_by, requested_at, dry_run, duplicate_policy,
            status, phase, rows_read, imported, updated, merged, rejected, file_bytes, bytes_read, started_at, finished_at, error,
            encoding, delimiter, file_deleted_at, file_lines, sla_clock""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    private final JobLeases leases;

    ImportJobs(JdbcClient jdbc, JdbcTemplate batch, JobLeases leases) {
        this.leases = leases;
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional
    public long create(
            ImportJob.Kind kind,
            String fileName,
            String storedFile,
            long fileBytes,
            long fileLines,
            String requestedBy,
            ColumnMapping mapping,
            Instant at) {
        long id = jdbc.sql("""
                        insert into import_job (kind, file_name, stored_file, file_bytes, file_lines, requested_by, requested_at,
                                                dry_run, duplicate_policy, status)
                        values (?, ?, ?, ?, ?, ?, ?, false, 'SKIP', 'DRAFT') returning id""")
                .params(kind.name(), fileName, storedFile, fileBytes, fileLines, requestedBy, Timestamp.from(at))
                .query(Long.class)
                .single();
        saveMapping(id, mapping);
        return id;
    }

    private void saveMapping(long id, ColumnMapping mapping) {
        jdbc.sql("delete from import_column where job_id = ?").param(id).update();
        for (int i = 0; i < mapping.columns().size(); i++) {
            ColumnMapping.Column c = mapping.columns().get(i);
            jdbc.sql("insert into import_column (job_id, position, header, field, date_format) values (?, ?, ?, ?, ?)")
                    .params(
                            id,
                            i,
                            c.header(),
                            c.field().name(),
                            c.dateFormat() == null ? null : c.dateFormat().name())
                    .update();
        }
        jdbc.sql("delete from import_stage_value where job_id = ?").param(id).update();
        mapping.stages()
                .chosen()
                .forEach((value, stage) -> jdbc.sql("insert into import_stage_value values (?, ?, ?)")
                        .params(id, value, stage.name())
                        .update());
        mapping.stages()
                .ignored()
                .forEach(value -> jdbc.sql("insert into import_stage_value values (?, ?, null)")
                        .params(id, value)
                        .update());
        jdbc.sql("update import_job set empty_values = ?::text[] where id = ?")
                .params(PostgresArrays.literal(List.copyOf(mapping.emptyValues())), id)
                .update();
    }

    @Override
    public ColumnMapping mapping(long id) {
        return new ColumnMapping(
                jdbc.sql("select header, field, date_format from import_column where job_id = ? order by position")
                        .param(id)
                        .query((rs, n) -> new ColumnMapping.Column(
                                rs.getString(1),
                                ImportField.valueOf(rs.getString(2)),
                                rs.getString(3) == null ? null : DateFormat.valueOf(rs.getString(3))))
                        .list(),
                stages(id),
                emptyValues(id));
    }

    private Set<String> emptyValues(long id) {
        return Set.of(jdbc.sql("select empty_values from import_job where id = ?")
                .param(id)
                .query((rs, n) -> PostgresArrays.strings(rs.getArray(1)))
                .single());
    }

    private StageMapping stages(long id) {
        Map<String, LifecycleStage> chosen = new HashMap<>();
        Set<String> ignored = new HashSet<>();
        jdbc.sql("select value, stage from import_stage_value where job_id = ?")
                .param(id)
                .query((rs, n) -> {
                    if (rs.getString(2) == null) {
                        ignored.add(rs.getString(1));
                    } else {
                        chosen.put(rs.getString(1), LifecycleStage.valueOf(rs.getString(2)));
                    }
                    return n;
                })
                .list();
        return new StageMapping(chosen, ignored);
    }

    /**
     * Queues a draft with the user's choices (and forgets an earlier dry run's rejections); false when it is no draft.
     * {@code slaClock}: the file's MQLs are for sales to answer now (their response-time clock starts), not history.
     */
    @Transactional
    public boolean queue(long id, ColumnMapping mapping, DuplicatePolicy policy, boolean dryRun, boolean slaClock) {
        int queued = jdbc.sql("""
                        update import_job set duplicate_policy = ?, dry_run = ?, sla_clock = ?, status = 'QUEUED',
                               phase = 'waiting', rows_read = 0, imported = 0, updated = 0, merged = 0, rejected = 0,
                               bytes_read = 0, error = null
                        where id = ? and status = 'DRAFT'""").params(policy.name(), dryRun, slaClock, id).update();
        if (queued == 1) {
            saveMapping(id, mapping);
            jdbc.sql("delete from import_rejection where job_id = ?").param(id).update();
            jdbc.sql("delete from import_warning where job_id = ?").param(id).update();
        }
        return queued == 1;
    }

    /** A draft is read again another way: its encoding and separator as chosen, and the mapping guessed anew for them. */
    @Transactional
    public boolean reread(long id, CsvFile.Reading reading, ColumnMapping mapping) {
        int changed = jdbc.sql("update import_job set encoding = ?, delimiter = ? where id = ? and status = 'DRAFT'")
                .params(
                        reading.encoding(),
                        reading.delimiter() == null ? null : reading.delimiter().toString(),
                        id)
                .update();
        if (changed == 1) {
            saveMapping(id, mapping);
        }
        return changed == 1;
    }

    /** A finished dry run goes back to draft, to be run for real or adjusted. */
    @Transactional
    public void backToDraft(long id) {
        jdbc.sql(
                        "update import_job set status = 'DRAFT' where id = ? and dry_run and status = 'DONE' and file_deleted_at is null")
                .param(id)
                .update();
    }

    /**
     * Takes the oldest queued job for {@code worker}, or one whose instance died running it (its lease expired before
     * {@code staleBefore}: its transaction rolled back, so it starts again from the first row).
     */
    @Transactional
    public Optional<ImportJob> claimNext(String worker, Instant at, Instant staleBefore) {
        Optional<Long> id = leases.claim(
                JobLeases.JobTable.IMPORT,
                worker,
                at,
                staleBefore,
                "The application stopped while this import ran, " + JobLeases.MAX_ATTEMPTS
                        + " times; nothing of it was kept.");
        id.ifPresent(jobId -> jdbc.sql(
                        "update import_job set phase = 'reading', rows_read = 0, rejected = 0, bytes_read = 0 where id = ?")
                .param(jobId)
                .update());
        return id.flatMap(this::find);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(long id, String phase, long rowsRead, long rejected, long bytesRead) {
        jdbc.sql("update import_job set phase = ?, rows_read = ?, rejected = ?, bytes_read = ? where id = ?")
                .params(phase, rowsRead, rejected, bytesRead, id)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(long id, ImportCounts counts, Instant at) {
        jdbc.sql("""
                        update import_job set status = 'DONE', phase = 'done', rows_read = ?, imported = ?, updated = ?,
                               merged = ?, rejected = ?, bytes_read = file_bytes, finished_at = ? where id = ?""")
                .params(
                        counts.rowsRead(),
                        counts.imported(),
                        counts.updated(),
                        counts.merged(),
                        counts.rejected(),
                        Timestamp.from(at),
                        id)
                .update();
    }

    public void fail(long id, String error, Instant at) {
        leases.fail(JobLeases.JobTable.IMPORT, id, error, at);
    }

    /**
     * Undoes a finished import: deletes the leads it created, and the accounts that have no lead left once they are
     * gone; the leads it updated stay, listed by {@link #updatedLeads}.
     */
    @Transactional
    public int undo(long id) {
        Long[] accounts = jdbc.sql(
                        "select distinct account_id from lead where import_job_id = ? and account_id is not null")
                .param(id)
                .query(Long.class)
                .list()
                .toArray(Long[]::new);
        int deleted =
                jdbc.sql("delete from lead where import_job_id = ?").param(id).update();
        jdbc.sql(
                        "delete from account a where a.id = any(?) and not exists (select 1 from lead l where l.account_id = a.id)")
                .param(accounts)
                .update();
        jdbc.sql("update import_job set status = 'UNDONE', phase = 'undone' where id = ? and status = 'DONE'")
                .param(id)
                .update();
        return deleted;
    }

    /** The leads an import created or changed, in id order. */
    public List<Long> touchedLeads(long id) {
        return jdbc.sql(
                        "select id from lead where import_job_id = ? union select lead_id from import_update where job_id = ? order by 1")
                .params(id, id)
                .query(Long.class)
                .list();
    }

    /** The leads an import changed (their values before it are in import_update.before). */
    public List<Long> updatedLeads(long id) {
        return jdbc.sql("select lead_id from import_update where job_id = ? order by lead_id")
                .param(id)
                .query(Long.class)
                .list();
    }

    /** Rejections are kept even when the import itself rolls back (a dry run): they are what it found. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void saveRejections(long id, List<Rejection> rejections) {
        batch.batchUpdate(
                "insert into import_rejection (job_id, row_number, raw, reason) values (?, ?, ?, ?) on conflict do nothing",
                // A rejected row is kept as it was, but for NUL, which PostgreSQL text cannot hold.
                rejections.stream()
                        .map(r -> new Object[] {
                            id,
                            r.rowNumber(),
                            r.raw().replace("\u0000", ""),
                            r.reason().replace("\u0000", "")
                        })
                        .toList());
    }

    /** Warnings are kept like rejections, even when a dry run rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void saveWarnings(long id, List<Warning> warnings) {
        batch.batchUpdate(
                "insert into import_warning (job_id, row_number, reason) values (?, ?, ?) on conflict do nothing",
                warnings.stream()
                        .map(w -> new Object[] {id, w.rowNumber(), w.reason()})
                        .toList());
    }

    @Override
    public List<Warning> firstWarnings(long id, int limit) {
        return jdbc.sql("select row_number, reason from import_warning where job_id = ? order by row_number limit ?")
                .params(id, limit)
                .query((rs, n) -> new Warning(rs.getLong(1), rs.getString(2)))
                .list();
    }

    @Override
    public long warned(long id) {
        return jdbc.sql("select count(*) from import_warning where job_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    /** Lead ids from lead_seq, on a connection of their own (sequences are not transactional). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Long> nextLeadIds(int count) {
        return batch.queryForList("select nextval('lead_seq') from generate_series(1, ?)", Long.class, count);
    }

    public Optional<ImportJob> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where id = ?")
                .param(id)
                .query(this::job)
                .optional();
    }

    /** The latest jobs, without their mappings (the history page does not show them). */
    public List<ImportJob> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_job order by requested_at desc, id desc limit ?")
                .param(limit)
                .query((rs, n) -> job(rs, new ColumnMapping(List.of())))
                .list();
    }

    /** Rejected rows in file order, for the download. */
    public void rejections(long id, Consumer<Rejection> each) {
        jdbc.sql("select row_number, raw, reason from import_rejection where job_id = ? order by row_number")
                .param(id)
                .query(rs -> {
                    each.accept(new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
    }

    public List<Rejection> firstRejections(long id, int limit) {
        List<Rejection> out = new ArrayList<>();
        jdbc.sql("select row_number, raw, reason from import_rejection where job_id = ? order by row_number limit ?")
                .params(id, limit)
                .query(rs -> {
                    out.add(new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
        return out;
    }

    /** A rejected row: its number in the file (the header is row 1), the row as it was, and why. */
    public record Rejection(long rowNumber, String raw, String reason) {}

    private ImportJob job(ResultSet rs, int n) throws SQLException {
        return job(rs, mapping(rs.getLong("id")));
    }

    private static ImportJob job(ResultSet rs, ColumnMapping mapping) throws SQLException {
        return new ImportJob(
                rs.getLong("id"),
                ImportJob.Kind.valueOf(rs.getString("kind")),
                rs.getString("file_name"),
                rs.getString("stored_file"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getBoolean("dry_run"),
                DuplicatePolicy.valueOf(rs.getString("duplicate_policy")),
                mapping,
                JobStatus.valueOf(rs.getString("status")),
                rs.getString("phase"),
                rs.getLong("rows_read"),
                rs.getLong("imported"),
                rs.getLong("updated"),
                rs.getLong("merged"),
                rs.getLong("rejected"),
                rs.getLong("file_bytes"),
                rs.getLong("bytes_read"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("error"),
                new CsvFile.Reading(
                        rs.getString("encoding"),
                        rs.getString("delimiter") == null
                                ? null
                                : rs.getString("delimiter").charAt(0)),
                instant(rs.getTimestamp("file_deleted_at")),
                rs.getObject("file_lines", Long.class),
                rs.getBoolean("sla_clock"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
