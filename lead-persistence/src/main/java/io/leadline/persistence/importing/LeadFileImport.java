package io.leadline.persistence.importing;

import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.lead.SourceAliasBook;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.BackgroundWork;
import io.leadline.persistence.CopyBinary;
import io.leadline.persistence.account.Accounts;
import io.leadline.persistence.lead.StageHistory;
import io.leadline.persistence.scoring.Rescoring;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import engine. It streams the file once: every row is read, normalised and scored by lead-core's rules
 * in Java (on every core), rejected rows go to {@code import_rejection} with their reason. A row whose email and
 * external id were certainly not seen before — neither earlier in the file nor among the stored leads, as far as
 * two Bloom filters tell — is a new lead: it goes straight into {@code lead} by binary {@code COPY}, with its score and
 * stage history, in chunks that another thread stores while the rest of the file is still being read. Every other row (a duplicate in the file, a
 * match with a stored lead, or a rare false "maybe") is staged by {@code COPY} in a temporary table, where set-based
 * SQL settles it exactly: it merges into the lead of an earlier row, updates a stored lead by the duplicate policy,
 * or makes a new lead after all. All of it is one transaction: a crash leaves nothing half-imported, and a dry run
 * is the same work rolled back. If another writer stores one of the new leads' emails meanwhile, the straight
 * {@code COPY} fails on the unique index; the import then reads the file again, every row through the staging table.
 */
@Component
public class LeadFileImport {

    private static final Logger log = LoggerFactory.getLogger(LeadFileImport.class);

    static final int BATCH = 10_000;

    /** The columns of a lead row as a slice writes it; the sender adds the account. */
    static final String LEAD_COLUMNS = "email, external_id, full_name, company, job_title, company_size, country, "
            + "source, attributes, created_at, stage, version, updated_at, import_job_id, consent, consent_at, consent_source, "
            + "do_not_contact";

    static final String SCORE_COLUMNS = "lead_id, model_version, score, fit_points, engagement_points, grade, "
            + "priority, stage, queued_at, scored_at";
    static final String CHANGE_COLUMNS = "lead_id, from_stage, to_stage, actor, reason, changed_at, reason_code";
    /** A staged row: its number and account key, then the lead, score and stage change rows it would store. */
    static final String STAGED_COLUMNS = "row_no, account_key, new_id, " + LEAD_COLUMNS + ", score_lead_id, "
            + "model_version, score, fit_points, engagement_points, grade, priority, score_stage, queued_at, scored_at, "
            + "change_lead_id, change_from, change_to, change_actor, change_reason, changed_at, change_code";
    /** Fields of a lead row as a slice writes it (with its id), of a score row and of a stage change row. */
    static final int LEAD_FIELDS = 19;

    static final int SCORE_FIELDS = 10;
    static final int CHANGE_FIELDS = 7;
    /** The stage change fields of a staged row that moved no stage: seven nulls. */
    static final byte[] NO_CHANGE = noChange();

    private static byte[] noChange() {
        CopyBinary nulls = new CopyBinary(4 * CHANGE_FIELDS);
        for (int i = 0; i < CHANGE_FIELDS; i++) {
            nulls.nul();
        }
        return Arrays.copyOf(nulls.bytes(), nulls.size());
    }

    /** The rows of {@code import_row r} that make a new lead: neither a duplicate in the file nor an existing lead. */
    private static final String MAKES_A_LEAD = " r.new_id is not null and not r.dup and r.lead_id is null";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ImportJobs jobs;
    private final ScoringModels models;
    private final Rescoring rescoring;
    private final Accounts accounts;
    private final StageHistory history;
    private final ImportedStages stages;
    private final ImportScratch scratch;
    private final SourceAliasBook sources;

    LeadFileImport(
            JdbcTemplate jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ImportJobs jobs,
            ScoringModels models,
            Rescoring rescoring,
            Accounts accounts,
            StageHistory history,
            ImportedStages stages,
            ImportScratch scratch,
            SourceAliasBook sources) {
        this.sources = sources;
        this.scratch = scratch;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.models = models;
        this.rescoring = rescoring;
        this.accounts = accounts;
        this.history = history;
        this.stages = stages;
    }

    /** Runs a lead import; a dry run answers the same counts and keeps the rejections, but writes no lead. */
    public ImportCounts run(ImportJob job, Instant now) {
        return transaction.execute(status -> {
            // The score rows' trigger notes nothing in this transaction; the import notes its accounts once at its end.
            jdbc.queryForObject("select set_config('leadline.account_notes', 'import', true)", String.class);
            ImportCounts result = importInTransaction(job, now);
            jdbc.update("""
                    insert into account_change (account_id)
                    select distinct l.account_id from lead l
                    where l.account_id is not null
                      and (l.import_job_id = ? or l.id in (select lead_id from import_update where job_id = ?))""", job.id(), job.id());
            if (job.dryRun()) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    /**
     * After a large import, refreshes the planner's statistics at once rather than whenever autovacuum comes by:
     * with the old ones the planner takes the new leads for a few, and reads that page through them in id order
     * (rescoring) scan the whole table. Called once the job is reported done; about 0.7 s at a million leads.
     */
    public void refreshStatistics(ImportJob job, ImportCounts counts) {
        if (!job.dryRun() && counts.imported() + counts.updated() >= ANALYZE_FROM) {
            jdbc.execute("analyze lead, lead_score, stage_change");
        }
    }

    /** From this many leads stored or updated on, an import refreshes the planner's statistics when it is done. */
    static final int ANALYZE_FROM = 10_000;

    private ImportCounts importInTransaction(ImportJob job, Instant now) {
        jdbc.execute("""
                create temporary table import_row (
                    row_no bigint not null, account_key text, new_id bigint, email text, external_id text, full_name text,
                    company text, job_title text, company_size integer, country text, source text, attributes jsonb,
                    created_at timestamptz, stage text, version bigint, updated_at timestamptz, import_job_id bigint,
                    consent text, consent_at timestamptz, consent_source text, do_not_contact boolean,
                    score_lead_id bigint, model_version integer, score integer, fit_points integer,
                    engagement_points integer, grade text, priority integer, score_stage text, queued_at timestamptz,
                    scored_at timestamptz, change_lead_id bigint, change_from text, change_to text, change_actor text,
                    change_reason text, changed_at timestamptz, change_code text,
                    dup boolean not null default false, lead_id bigint) on commit drop""");
        ImportPhases phases = new ImportPhases(job.id());
        ImportRouting.Reading reading = readStraightOrStaged(job, now, phases);
        jobs.progress(job.id(), "merging", reading.rowsRead(), reading.rejected(), job.fileBytes());
        // Statistics for the columns the settling SQL joins and groups on; the other thirty are only carried along.
        jdbc.execute("analyze import_row (row_no, email, external_id, account_key)");

        // Duplicates within the file: the first row with an email or external id wins, later ones merge into it.
        for (String key : new String[] {"email", "external_id"}) {
            jdbc.update("update import_row r set dup = true from (select row_no, row_number() over (partition by " + key
                    + " order by row_no) as n from import_row where " + key
                    + " is not null) d where d.row_no = r.row_no and d.n > 1");
        }
        // Against stored leads, by either key (the email's lead first). A lead this import stored straight came from an
        // earlier row of the file, so a staged row that shares a key with it is a duplicate within the file too.
        String ours = "coalesce(e.import_job_id = ?, false) or coalesce(x.import_job_id = ?, false)";
        jdbc.update(
                "update import_row r set dup = " + ours + ", lead_id = case when " + ours
                        + " then null else coalesce(e.id, x.id) end "
                        + "from import_row s left join lead e on e.email = s.email left join lead x on x.external_id = s.external_id "
                        + "where s.row_no = r.row_no and not s.dup and (e.id is not null or x.id is not null)",
                job.id(),
                job.id(),
                job.id(),
                job.id());

        // Accounts: every company of a new or matched lead gets its account, named as the file first spells it.
        jdbc.update("""
                insert into account (key, name)
                select k.account_key, r.company from (
                    select account_key, min(row_no) as row_no from import_row
                    where account_key is not null group by account_key having bool_or(not dup)) k
                join import_row r on r.row_no = k.row_no
                order by k.account_key
                on conflict (key) do nothing""");
        phases.done("find duplicates and accounts");
        // Every accepted row got an id from lead_seq while it was read; only rows that make a new lead use theirs.
        // A plain INSERT first: another writer creating one of these emails meanwhile is rare, and ON CONFLICT's
        // speculative insertion costs about a third more at a million rows. If it happens, the same INSERT again
        // with ON CONFLICT DO NOTHING leaves those rows out (they are counted as merged below).
        String insertLeads = "insert into lead (id, " + LEAD_COLUMNS + ", account_id) select r.new_id, "
                + prefixed("r.", LEAD_COLUMNS)
                + ", a.id from import_row r left join account a on a.key = r.account_key where"
                + MAKES_A_LEAD;
        int imported = insertRacing(insertLeads);
        long newRows = jdbc.queryForObject("select count(*) from import_row r where" + MAKES_A_LEAD, Long.class);
        // Rows that lost a race with another writer (on conflict do nothing) have no lead: leave them out below.
        String inserted =
                imported == newRows ? "" : " join lead l on l.id = r.new_id and l.import_job_id = " + job.id();
        jdbc.update("insert into lead_score (" + SCORE_COLUMNS
                + ") select r.new_id, r.model_version, r.score, r.fit_points, "
                + "r.engagement_points, r.grade, r.priority, r.stage, r.queued_at, r.scored_at from import_row r"
                + inserted
                + " where" + MAKES_A_LEAD);
        List<Long> stagedMqls = jdbc.queryForList(
                "with moved as (insert into stage_change (" + CHANGE_COLUMNS + ") select "
                        + "r.new_id, r.change_from, r.change_to, r.change_actor, r.change_reason, r.changed_at, r.change_code "
                        + "from import_row r" + inserted + " where r.change_to is not null and" + MAKES_A_LEAD
                        + " returning lead_id, to_stage) select lead_id from moved where to_stage = 'MQL' order by lead_id",
                Long.class);
        // The COPY wrote the straight leads' moves itself: announced here, with the staged ones, once all are stored.
        history.announceMqls(Stream.concat(reading.straightMqls().stream(), stagedMqls.stream())
                .toList());
        phases.done("store " + imported + " staged new leads");

        int updated = job.duplicatePolicy() == DuplicatePolicy.SKIP ? 0 : update(job, now);
        if (job.duplicatePolicy() != DuplicatePolicy.SKIP) {
            stages.apply(job.id(), now);
        }
        long matched = jdbc.queryForObject(
                "select count(*) from import_row where not dup and lead_id is not null", Long.class);
        long duplicates = jdbc.queryForObject("select count(*) from import_row where dup", Long.class);
        long merged = duplicates + (matched - updated) + (newRows - imported);
        phases.done("update existing leads and count");
        return new ImportCounts(reading.rowsRead(), reading.straight() + imported, updated, merged, reading.rejected());
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + String.join(", " + prefix, columns.split(", "));
    }

    /**
     * Reads the file with new leads going straight into {@code lead}; if another writer stored one of their emails
     * or external ids meanwhile (the {@code COPY} fails on the unique index), reads it again with every row staged.
     */
    private ImportRouting.Reading readStraightOrStaged(ImportJob job, Instant now, ImportPhases phases) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint beforeReading = savepoint(connection);
        try {
            ImportRouting.Reading reading = read(job, now, StoredLeadKeys.load(jdbc), phases);
            connection.releaseSavepoint(beforeReading);
            return reading;
        } catch (StraightInsertRaced raced) {
            log.info(
                    "import {}: another writer stored one of the file's new leads meanwhile ({}); reading the file again, "
                            + "every row through the staging table",
                    job.id(),
                    raced.getMessage());
            try {
                connection.rollback(beforeReading);
            } catch (SQLException e) {
                throw new IllegalStateException("could not roll back to the savepoint: " + e.getMessage(), e);
            }
            return read(job, now, null, phases);
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the savepoint: " + e.getMessage(), e);
        }
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("no savepoint: " + e.getMessage(), e);
        }
    }

    /** Runs the lead INSERT behind a savepoint; if another writer created one of its emails meanwhile, again without those. */
    private int insertRacing(String insertLeads) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint beforeLeads = savepoint(connection);
        try {
            int imported = jdbc.update(insertLeads);
            connection.releaseSavepoint(beforeLeads);
            return imported;
        } catch (DuplicateKeyException raced) {
            try {
                connection.rollback(beforeLeads);
            } catch (SQLException e) {
                throw new IllegalStateException("could not roll back to the savepoint: " + e.getMessage(), e);
            }
            return jdbc.update(insertLeads + " on conflict do nothing");
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
        String attributes = overwrite ? "l.attributes || r.attributes" : "r.attributes || l.attributes";
        before.append("l.attributes)");
        after.append(attributes).append(")");
        // The file's consent answer, when it gives one, is the latest (FILL_BLANKS too: a person's answer is no blank
        // to keep); a refusal sets do-not-contact, which only a person lifts.
        set.append(
                        "consent = coalesce(r.consent, l.consent), consent_at = case when r.consent is null then l.consent_at else r.consent_at end, ")
                .append(
                        "consent_source = case when r.consent is null then l.consent_source else r.consent_source end, ")
                .append("do_not_contact = l.do_not_contact or r.do_not_contact, ");
        String changed = before + " is distinct from " + after
                + " or (r.consent is not null and r.consent is distinct from l.consent) or (r.do_not_contact and not l.do_not_contact)";
        // The account follows the company: the file's when it brings one (update) or when the lead had none (fill).
        String account = overwrite
                ? "case when r.company is null then l.account_id else a.id end"
                : "case when l.company is null then a.id else l.account_id end";
        // One pass finds the leads the file changes, keeps how they were (for undo) and updates them.
        long[] updated = jdbc
                .queryForList(
                        "with changed as (select l.id, to_jsonb(l) as before from lead l "
                                + "join import_row r on r.lead_id = l.id and not r.dup where " + changed + "), "
                                + "kept as (insert into import_update (job_id, lead_id, before) select ?, id, before from changed) "
                                + "update lead l set " + set + "attributes = " + attributes + ", account_id = "
                                + account
                                + ", version = l.version + 1, updated_at = ? from changed c join import_row r on r.lead_id = c.id and not r.dup "
                                + "left join account a on a.key = r.account_key where l.id = c.id returning l.id",
                        Long.class,
                        job.id(),
                        Timestamp.from(now))
                .stream()
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
        jobs.progress(job.id(), "rescoring updated leads", 0, 0, job.fileBytes());
        // Set-based, with each lead's activities: the same rescoring a model change runs, in this transaction.
        rescoring.rescore(models.active(), updated, now);
        return updated.length;
    }

    /** Rows handed to a scoring thread at a time. */
    static final int SLICE = 2_000;

    /** New leads stored together (lead, score and stage change rows, one COPY each), while the next are read. */
    static final int CHUNK = 32_768;

    /** Chunks handed to the storing thread and not yet stored, besides the one being filled. */
    static final int CHUNKS_AHEAD = 1;

    /**
     * Reads the file. This thread parses it and cuts it into slices; each slice is validated, scored and written as
     * binary {@code COPY} rows by the scoring threads; finished slices are routed in file order (new leads straight
     * into {@code lead}, the rest staged), so the database stores while Java reads ahead. Rejections, progress and
     * lead ids go over other connections meanwhile (the import's own connection is busy with the {@code COPY}).
     *
     * @param stored the stored leads' keys, or null to stage every row
     */
    private ImportRouting.Reading read(ImportJob job, Instant now, StoredLeadKeys stored, ImportPhases phases) {
        CsvFile file = CsvFile.of(job);
        SliceReader slicing = new SliceReader(
                job.mapping(), models.active(), sources.current(), file.format(), now, job.id(), job.slaClock());
        // One core is left to Postgres, which stores the new leads while this thread and the scorers read on.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ExecutorService scorers = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("import-" + job.id() + "-", 1).factory());
        ArrayDeque<Future<Slice>> inFlight = new ArrayDeque<>();
        ArrayDeque<Long> ids = new ArrayDeque<>();
        try (CsvFile.Rows rows = file.rows();
                ImportRouting routing = new ImportRouting(
                        job,
                        stored,
                        file.size(),
                        connection(),
                        jobs,
                        accounts,
                        new ImportSpill("import_row (" + STAGED_COLUMNS + ")", scratch.newFile()))) {
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
                    routing.unreadable(e.row(), file.unreadableFrom(e.row()));
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
                        routing.send(finished(inFlight.removeFirst()), rows.bytesRead());
                    }
                }
            }
            if (!slice.isEmpty()) {
                inFlight.add(submit(scorers, slicing, slice, ids));
            }
            while (!inFlight.isEmpty()) {
                routing.send(finished(inFlight.removeFirst()), rows.bytesRead());
            }
            return routing.finish(phases);
        } catch (IOException | SQLException e) {
            if (StraightInsertRaced.isRace(e)) {
                throw new StraightInsertRaced(e);
            }
            throw new IllegalStateException("storing what the file holds failed: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // The storing thread's failure, as BackgroundWork hands it over: its SQL error is in the cause chain.
            if (StraightInsertRaced.isRace(e)) {
                throw new StraightInsertRaced(e);
            }
            throw e;
        } finally {
            scorers.shutdownNow();
        }
    }

    private PGConnection connection() throws SQLException {
        return DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class);
    }

    /** The straight {@code COPY} met a lead (or account) another writer changed meanwhile: its unique index or key. */
    private static final class StraightInsertRaced extends RuntimeException {

        StraightInsertRaced(Exception cause) {
            super(sqlMessage(cause), cause);
        }

        private static String sqlMessage(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException) {
                    return t.getMessage();
                }
            }
            return e.getMessage();
        }

        /** A unique violation (23505) or foreign key violation (23503), however wrapped. */
        static boolean isRace(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql
                        && ("23505".equals(sql.getSQLState()) || "23503".equals(sql.getSQLState()))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Hands a slice to a scoring thread with a lead id for each of its rows (a rejected row leaves a gap). */
    private Future<Slice> submit(
            ExecutorService scorers, SliceReader slicing, List<CsvFile.Row> rows, ArrayDeque<Long> ids) {
        long[] sliceIds = new long[rows.size()];
        for (int i = 0; i < sliceIds.length; i++) {
            if (ids.isEmpty()) {
                ids.addAll(jobs.nextLeadIds(BATCH));
            }
            sliceIds[i] = ids.removeFirst();
        }
        return scorers.submit(() -> slicing.read(rows, sliceIds));
    }

    private static Slice finished(Future<Slice> work) {
        return BackgroundWork.result(work, "reading a slice of the file");
    }

    /**
     * A rejected row as it was, in plain CSV (comma-separated, whatever the file's delimiter): the rejected-rows file
     * splits it back into the file's columns, to be fixed and imported again.
     */
    static String raw(List<String> cells) {
        return CSVFormat.DEFAULT.format(cells.toArray());
    }
}
