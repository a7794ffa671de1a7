package io.leadline.persistence.importing;

import io.leadline.core.account.AccountKey;
import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.importing.LeadRow;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.BackgroundWork;
import io.leadline.persistence.CopyText;
import io.leadline.persistence.JsonObjects;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import engine. It streams the file once: every row is read, normalised and scored by lead-core's rules
 * in Java, accepted rows go by {@code COPY} into a temporary table, rejected ones into {@code import_rejection}
 * with their reason. Then set-based SQL folds duplicates (within the file and against existing leads, by
 * email or external id), inserts the new leads with their scores and stage history, and updates existing
 * ones by the duplicate policy. All of it is one transaction: a crash leaves nothing half-imported, and a
 * dry run is the same work rolled back.
 */
@Component
public class LeadFileImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LeadFileImport.class);

    static final int BATCH = 10_000;

    private static final String COPY_COLUMNS = "row_no, new_id, email, external_id, full_name, company, job_title, company_size, "
            + "country, source, attributes, created_at, model_version, score, fit_points, engagement_points, grade, "
            + "priority, stage, change_to, change_reason, change_code, account_key";

    /** The rows of {@code import_row r} that make a new lead: neither a duplicate in the file nor an existing lead. */
    private static final String MAKES_A_LEAD = " r.new_id is not null and not r.dup and r.lead_id is null";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ImportJobs jobs;
    private final ScoringModels models;
    private final Leads leads;
    private final LeadScores scores;

    LeadFileImport(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, ImportJobs jobs,
                   ScoringModels models, Leads leads, LeadScores scores) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.models = models;
        this.leads = leads;
        this.scores = scores;
    }

    /** Runs a lead import; a dry run answers the same counts and keeps the rejections, but writes no lead. */
    public ImportCounts run(ImportJob job, Instant now) {
        ImportCounts counts = transaction.execute(status -> {
            ImportCounts result = importInTransaction(job, now);
            if (job.dryRun()) {
                status.setRollbackOnly();
            }
            return result;
        });
        if (!job.dryRun() && counts.imported() + counts.updated() >= ANALYZE_FROM) {
            // Fresh statistics at once rather than whenever autovacuum comes by: with the old ones the planner takes
            // the new leads for a few, and reads that page through them in id order (rescoring) scan the whole table.
            jdbc.execute("analyze lead, lead_score, stage_change");
        }
        return counts;
    }

    /** From this many leads stored or updated on, an import refreshes the planner's statistics when it is done. */
    static final int ANALYZE_FROM = 10_000;

    private ImportCounts importInTransaction(ImportJob job, Instant now) {
        jdbc.execute("""
                create temporary table import_row (
                    row_no bigint not null, email text, external_id text, full_name text, company text, job_title text,
                    company_size integer, country text, source text, attributes jsonb,
                    created_at timestamptz, model_version integer, score integer, fit_points integer,
                    engagement_points integer, grade text, priority integer, stage text, change_to text,
                    change_reason text, change_code text, account_key text,
                    dup boolean not null default false, lead_id bigint, new_id bigint) on commit drop""");
        Phases phases = new Phases(job.id());
        Reading reading = read(job, now);
        phases.done("read, validate, score and COPY");
        jobs.progress(job.id(), "merging", reading.rowsRead, reading.rejected, job.fileBytes());
        jdbc.execute("analyze import_row");

        // Duplicates within the file: the first row with an email or external id wins, later ones merge into it.
        for (String key : new String[] {"email", "external_id"}) {
            jdbc.update("update import_row r set dup = true from (select row_no, row_number() over (partition by " + key
                    + " order by row_no) as n from import_row where " + key + " is not null) d where d.row_no = r.row_no and d.n > 1");
        }
        // Against existing leads: by email first, then by external id.
        jdbc.update("update import_row r set lead_id = l.id from lead l where not r.dup and r.email is not null and l.email = r.email");
        jdbc.update("""
                update import_row r set lead_id = l.id from lead l
                where not r.dup and r.lead_id is null and r.external_id is not null and l.external_id = r.external_id""");

        // Accounts: every company of the file (new leads and matched ones) gets its account, named as first spelled.
        jdbc.update("""
                insert into account (key, name)
                select k.account_key, r.company from (
                    select account_key, min(row_no) as row_no from import_row
                    where not dup and account_key is not null group by account_key) k
                join import_row r on r.row_no = k.row_no
                order by k.account_key
                on conflict (key) do nothing""");
        phases.done("find duplicates and accounts");
        // Every accepted row got an id from lead_seq while it was read; only rows that make a new lead use theirs.
        // A plain INSERT first: another writer creating one of these emails meanwhile is rare, and ON CONFLICT's
        // speculative insertion costs about a third more at a million rows. If it happens, the same INSERT again
        // with ON CONFLICT DO NOTHING leaves those rows out (they are counted as merged below).
        String insertLeads = """
                insert into lead (id, version, full_name, email, company, job_title, company_size, country, source,
                                  external_id, attributes, stage, created_at, updated_at, import_job_id, account_id)
                select r.new_id, 0, r.full_name, r.email, r.company, r.job_title, r.company_size, r.country, r.source,
                       r.external_id, r.attributes, r.stage,
                       r.created_at, ?, ?, a.id
                from import_row r left join account a on a.key = r.account_key
                where""" + MAKES_A_LEAD;
        int imported = insertRacing(insertLeads, job, now);
        long newRows = jdbc.queryForObject("select count(*) from import_row r where" + MAKES_A_LEAD, Long.class);
        // Rows that lost a race with another writer (on conflict do nothing) have no lead: leave them out below.
        String inserted = imported == newRows ? "" : " join lead l on l.id = r.new_id and l.import_job_id = " + job.id();
        phases.done("insert leads");
        jdbc.update("""
                insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage,
                                        scored_at, queued_at)
                select r.new_id, r.model_version, r.score, r.fit_points, r.engagement_points, r.grade, r.priority, r.stage, ?,
                       case when r.stage in ('MQL', 'ACCEPTED', 'SQL') then r.created_at end
                from import_row r""" + inserted + " where" + MAKES_A_LEAD, Timestamp.from(now));
        jdbc.update("""
                insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at, reason_code)
                select r.new_id, 'NEW', r.change_to, ?, r.change_reason, r.created_at, r.change_code
                from import_row r""" + inserted + " where r.change_to is not null and" + MAKES_A_LEAD, Lead.SYSTEM);
        phases.done("insert scores and stage history");

        int updated = job.duplicatePolicy() == DuplicatePolicy.SKIP ? 0 : update(job, now);
        long matched = jdbc.queryForObject("select count(*) from import_row where not dup and lead_id is not null", Long.class);
        long duplicates = jdbc.queryForObject("select count(*) from import_row where dup", Long.class);
        long merged = duplicates + (matched - updated) + (newRows - imported);
        phases.done("update existing leads and count");
        return new ImportCounts(reading.rowsRead, imported, updated, merged, reading.rejected);
    }

    /** Runs the lead INSERT behind a savepoint; if another writer created one of its emails meanwhile, again without those. */
    private int insertRacing(String insertLeads, ImportJob job, Instant now) {
        java.sql.Connection connection = DataSourceUtils.getConnection(dataSource);
        java.sql.Savepoint beforeLeads;
        try {
            beforeLeads = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("no savepoint before inserting the leads: " + e.getMessage(), e);
        }
        try {
            int imported = jdbc.update(insertLeads, Timestamp.from(now), job.id());
            connection.releaseSavepoint(beforeLeads);
            return imported;
        } catch (DuplicateKeyException raced) {
            try {
                connection.rollback(beforeLeads);
            } catch (SQLException e) {
                throw new IllegalStateException("could not roll back to the savepoint: " + e.getMessage(), e);
            }
            return jdbc.update(insertLeads + " on conflict do nothing", Timestamp.from(now), job.id());
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the savepoint: " + e.getMessage(), e);
        }
    }

    /** Updates existing leads the file matched, by the policy; keys (email, external id) never change. Rescores them. */
    private int update(ImportJob job, Instant now) {
        boolean overwrite = job.duplicatePolicy() == DuplicatePolicy.UPDATE;
        String[] fields = {"full_name", "company", "job_title", "company_size", "country", "source"};
        StringBuilder set = new StringBuilder();
        StringBuilder before = new StringBuilder("(");
        StringBuilder after = new StringBuilder("(");
        for (String f : fields) {
            String value = overwrite ? "coalesce(r." + f + ", l." + f + ")" : "coalesce(l." + f + ", r." + f + ")";
            set.append(f).append(" = ").append(value).append(", ");
            before.append("l.").append(f).append(", ");
            after.append(value).append(", ");
        }
        String attributes = overwrite
                ? "l.attributes || r.attributes"
                : "r.attributes || l.attributes";
        before.append("l.attributes)");
        after.append(attributes).append(")");
        String changed = before + " is distinct from " + after;
        // The account follows the company: the file's when it brings one (update) or when the lead had none (fill).
        String account = overwrite ? "case when r.company is null then l.account_id else a.id end"
                : "case when l.company is null then a.id else l.account_id end";
        jdbc.update("insert into import_update (job_id, lead_id, before) select ?, l.id, to_jsonb(l) from lead l "
                + "join import_row r on r.lead_id = l.id and not r.dup where " + changed, job.id());
        int updated = jdbc.update("update lead l set " + set + "attributes = " + attributes + ", account_id = " + account
                + ", version = l.version + 1, updated_at = ? from import_row r left join account a on a.key = r.account_key "
                + "where r.lead_id = l.id and not r.dup and " + changed, Timestamp.from(now));
        jobs.progress(job.id(), "rescoring updated leads", 0, 0, job.fileBytes());
        ScoringModel model = models.active();
        for (Long id : jdbc.queryForList("select lead_id from import_update where job_id = ?", Long.class, job.id())) {
            Lead lead = leads.byId(id).orElseThrow();
            Score score = model.score(lead.profile(), List.of(), now);
            var moved = lead.qualifyBy(score, now);
            if (moved.isPresent()) {
                lead = leads.apply(moved.get());
            }
            scores.save(id, score, lead.stage(), now);
        }
        return updated;
    }

    private record Reading(long rowsRead, long rejected) {
    }

    /** Logs how long each phase took, so a slow import says where its time went. */
    private static final class Phases {
        private final long job;
        private long start = System.nanoTime();

        Phases(long job) {
            this.job = job;
        }

        void done(String phase) {
            long now = System.nanoTime();
            log.info("import {}: {} took {} ms", job, phase, (now - start) / 1_000_000);
            start = now;
        }
    }

    /** Rows handed to a scoring thread at a time. */
    static final int SLICE = 2_000;

    /**
     * Reads the file into {@code import_row} through one open {@code COPY}. This thread parses the file and cuts it
     * into slices; each slice is validated, scored and written as {@code COPY} text on the other cores; finished
     * slices stream to Postgres in file order, so the database ingests while Java reads ahead. Rejections, progress
     * and lead ids go over other connections meanwhile (the import's own connection is busy with the COPY).
     */
    private Reading read(ImportJob job, Instant now) {
        CsvFile file = CsvFile.open(Path.of(job.storedFile()));
        Slicing slicing = new Slicing(job.mapping(), models.active(), file.format(), now);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService scorers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("import-" + job.id() + "-", 1).factory());
        ArrayDeque<Future<Slice>> inFlight = new ArrayDeque<>();
        ArrayDeque<Long> ids = new ArrayDeque<>();
        Sent sent = new Sent(job);
        CopyIn copy = startCopy();
        try (CsvFile.Rows rows = file.rows()) {
            boolean header = true;
            List<CsvFile.Row> slice = new ArrayList<>(SLICE);
            while (true) {
                CsvFile.Row row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (CsvFile.MalformedCsvException e) {
                    sent.rowsRead++;
                    sent.rejected++;
                    sent.rejections.add(new ImportJobs.Rejection(e.row(), "", "the file cannot be read from this row on "
                            + "(an unbalanced quote?); everything after it is left out"));
                    break;
                }
                if (header) {
                    header = false;
                    continue;
                }
                slice.add(row);
                if (slice.size() == SLICE) {
                    inFlight.add(submit(scorers, slicing, slice, ids));
                    slice = new ArrayList<>(SLICE);
                    while (inFlight.size() > 2 * threads) {
                        sent.send(copy, inFlight.removeFirst(), rows.bytesRead());
                    }
                }
            }
            if (!slice.isEmpty()) {
                inFlight.add(submit(scorers, slicing, slice, ids));
            }
            while (!inFlight.isEmpty()) {
                sent.send(copy, inFlight.removeFirst(), rows.bytesRead());
            }
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import table failed: " + e.getMessage(), e);
        } finally {
            scorers.shutdownNow();
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction rolls back anyway
                }
            }
        }
        sent.saveRejections();
        return new Reading(sent.rowsRead, sent.rejected);
    }

    /** Hands a slice to a scoring thread with a lead id for each of its rows (a rejected row leaves a gap). */
    private Future<Slice> submit(ExecutorService scorers, Slicing slicing, List<CsvFile.Row> rows, ArrayDeque<Long> ids) {
        long[] sliceIds = new long[rows.size()];
        for (int i = 0; i < sliceIds.length; i++) {
            if (ids.isEmpty()) {
                ids.addAll(jobs.nextLeadIds(BATCH));
            }
            sliceIds[i] = ids.removeFirst();
        }
        return scorers.submit(() -> slicing.slice(rows, sliceIds));
    }

    /** A slice of the file, read: its accepted rows as {@code COPY} text, its rejections with their reasons. */
    private record Slice(int rows, byte[] copyText, List<ImportJobs.Rejection> rejections) {
    }

    /** What reads a slice on a scoring thread: the mapping, the active model, and the file's format for rejected rows. */
    private record Slicing(ColumnMapping mapping, ScoringModel model, CSVFormat format, Instant now) {

        Slice slice(List<CsvFile.Row> rows, long[] ids) {
            List<ImportJobs.Rejection> rejections = new ArrayList<>();
            CopyText accepted = new CopyText(rows.size() * 200);
            for (int i = 0; i < rows.size(); i++) {
                CsvFile.Row row = rows.get(i);
                LeadRow read = LeadRow.read(row.cells(), mapping, now);
                if (read instanceof LeadRow.Rejected(String reason)) {
                    rejections.add(new ImportJobs.Rejection(row.number(), raw(format, row.cells()), reason));
                } else {
                    write(accepted, row.number(), ids[i], (LeadRow.Accepted) read, model);
                }
            }
            return new Slice(rows.size(), accepted.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), rejections);
        }
    }

    /** The slices sent so far, in file order: rows read, rejections (saved every {@value #BATCH} rows), progress. */
    private final class Sent {
        private final ImportJob job;
        private final List<ImportJobs.Rejection> rejections = new ArrayList<>();
        private long rowsRead;
        private long rejected;

        Sent(ImportJob job) {
            this.job = job;
        }

        void send(CopyIn copy, Future<Slice> next, long bytesRead) throws SQLException {
            Slice slice = finished(next);
            if (slice.copyText().length > 0) {
                copy.writeToCopy(slice.copyText(), 0, slice.copyText().length);
            }
            long before = rowsRead;
            rowsRead += slice.rows();
            rejected += slice.rejections().size();
            rejections.addAll(slice.rejections());
            if (rowsRead / BATCH != before / BATCH) {
                saveRejections();
                jobs.progress(job.id(), "reading", rowsRead, rejected, bytesRead);
            }
        }

        void saveRejections() {
            if (!rejections.isEmpty()) {
                jobs.saveRejections(job.id(), List.copyOf(rejections));
                rejections.clear();
            }
        }
    }

    private static Slice finished(Future<Slice> work) {
        return BackgroundWork.result(work, "reading a slice of the file");
    }

    private CopyIn startCopy() {
        try {
            return DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_row (" + COPY_COLUMNS + ") from stdin");
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import table could not start: " + e.getMessage(), e);
        }
    }

    private static void write(CopyText out, long rowNo, long id, LeadRow.Accepted row, ScoringModel model) {
        LeadProfile p = row.profile();
        Score score = model.score(p, List.of(), row.createdAt());
        Lead lead = Lead.capture(p, row.externalId(), row.createdAt());
        var moved = lead.qualifyBy(score, row.createdAt());
        String stage = moved.map(t -> t.lead().stage().name()).orElse(lead.stage().name());
        out.row(rowNo, id, p.email() == null ? null : p.email().value(), row.externalId(), p.fullName(), p.company(),
                p.jobTitle(), p.companySize(), p.country(), p.source(), JsonObjects.of(p.attributes()), row.createdAt(),
                score.modelVersion(), score.total(), score.fitPoints(), score.engagementPoints(), score.grade().name(),
                score.priority(), stage, moved.map(t -> t.change().to().name()).orElse(null),
                moved.map(t -> t.change().reason()).orElse(null), moved.map(t -> t.change().reasonCode()).orElse(null),
                AccountKey.of(p.company()).map(AccountKey::value).orElse(null));
    }

    static String raw(CSVFormat format, List<String> cells) {
        return format.format(cells.toArray());
    }
}
