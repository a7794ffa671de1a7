package io.leadline.persistence.importing;

import io.leadline.core.lead.SourceAliasBook;
import io.leadline.core.importing.ImportFindings;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.BackgroundWork;
import io.leadline.persistence.CopyBinary;
import io.leadline.persistence.account.Accounts;
import io.leadline.persistence.lead.StageHistory;
import io.leadline.persistence.scoring.Rescoring;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.postgresql.PGConnection;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LeadFileImport.class);

    static final int BATCH = 10_000;

    /** The columns of a lead row as a slice writes it; the sender adds the account. */
    static final String LEAD_COLUMNS = "email, external_id, full_name, company, job_title, company_size, country, "
            + "source, attributes, created_at, stage, version, updated_at, import_job_id";
    static final String SCORE_COLUMNS = "lead_id, model_version, score, fit_points, engagement_points, grade, "
            + "priority, stage, queued_at, scored_at";
    static final String CHANGE_COLUMNS = "lead_id, from_stage, to_stage, actor, reason, changed_at, reason_code";
    /** A staged row: its number and account key, then the lead, score and stage change rows it would store. */
    private static final String STAGED_COLUMNS = "row_no, account_key, new_id, " + LEAD_COLUMNS + ", score_lead_id, "
            + "model_version, score, fit_points, engagement_points, grade, priority, score_stage, queued_at, scored_at, "
            + "change_lead_id, change_from, change_to, change_actor, change_reason, changed_at, change_code";
    /** Fields of a lead row as a slice writes it (with its id), of a score row and of a stage change row. */
    private static final int LEAD_FIELDS = 15;
    private static final int SCORE_FIELDS = 10;
    private static final int CHANGE_FIELDS = 7;
    /** The stage change fields of a staged row that moved no stage: seven nulls. */
    private static final byte[] NO_CHANGE = noChange();

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

    LeadFileImport(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, ImportJobs jobs,
                   ScoringModels models, Rescoring rescoring, Accounts accounts, StageHistory history, ImportedStages stages,
                   ImportScratch scratch, SourceAliasBook sources) {
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
            ImportCounts result = importInTransaction(job, now);
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
                    score_lead_id bigint, model_version integer, score integer, fit_points integer,
                    engagement_points integer, grade text, priority integer, score_stage text, queued_at timestamptz,
                    scored_at timestamptz, change_lead_id bigint, change_from text, change_to text, change_actor text,
                    change_reason text, changed_at timestamptz, change_code text,
                    dup boolean not null default false, lead_id bigint) on commit drop""");
        Phases phases = new Phases(job.id());
        Reading reading = readStraightOrStaged(job, now, phases);
        jobs.progress(job.id(), "merging", reading.rowsRead, reading.rejected, job.fileBytes());
        // Statistics for the columns the settling SQL joins and groups on; the other thirty are only carried along.
        jdbc.execute("analyze import_row (row_no, email, external_id, account_key)");

        // Duplicates within the file: the first row with an email or external id wins, later ones merge into it.
        for (String key : new String[] {"email", "external_id"}) {
            jdbc.update("update import_row r set dup = true from (select row_no, row_number() over (partition by " + key
                    + " order by row_no) as n from import_row where " + key + " is not null) d where d.row_no = r.row_no and d.n > 1");
        }
        // Against stored leads, by either key (the email's lead first). A lead this import stored straight came from an
        // earlier row of the file, so a staged row that shares a key with it is a duplicate within the file too.
        String ours = "coalesce(e.import_job_id = ?, false) or coalesce(x.import_job_id = ?, false)";
        jdbc.update("update import_row r set dup = " + ours + ", lead_id = case when " + ours + " then null else coalesce(e.id, x.id) end "
                + "from import_row s left join lead e on e.email = s.email left join lead x on x.external_id = s.external_id "
                + "where s.row_no = r.row_no and not s.dup and (e.id is not null or x.id is not null)",
                job.id(), job.id(), job.id(), job.id());

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
                + prefixed("r.", LEAD_COLUMNS) + ", a.id from import_row r left join account a on a.key = r.account_key where"
                + MAKES_A_LEAD;
        int imported = insertRacing(insertLeads);
        long newRows = jdbc.queryForObject("select count(*) from import_row r where" + MAKES_A_LEAD, Long.class);
        // Rows that lost a race with another writer (on conflict do nothing) have no lead: leave them out below.
        String inserted = imported == newRows ? "" : " join lead l on l.id = r.new_id and l.import_job_id = " + job.id();
        jdbc.update("insert into lead_score (" + SCORE_COLUMNS + ") select r.new_id, r.model_version, r.score, r.fit_points, "
                + "r.engagement_points, r.grade, r.priority, r.stage, r.queued_at, r.scored_at from import_row r" + inserted
                + " where" + MAKES_A_LEAD);
        List<Long> stagedMqls = jdbc.queryForList("with moved as (insert into stage_change (" + CHANGE_COLUMNS + ") select "
                + "r.new_id, r.change_from, r.change_to, r.change_actor, r.change_reason, r.changed_at, r.change_code "
                + "from import_row r" + inserted + " where r.change_to is not null and" + MAKES_A_LEAD
                + " returning lead_id, to_stage) select lead_id from moved where to_stage = 'MQL' order by lead_id", Long.class);
        // The COPY wrote the straight leads' moves itself: announced here, with the staged ones, once all are stored.
        history.announceMqls(Stream.concat(reading.straightMqls().stream(), stagedMqls.stream()).toList());
        phases.done("store " + imported + " staged new leads");

        int updated = job.duplicatePolicy() == DuplicatePolicy.SKIP ? 0 : update(job, now);
        if (job.duplicatePolicy() != DuplicatePolicy.SKIP) {
            stages.apply(job.id(), now);
        }
        long matched = jdbc.queryForObject("select count(*) from import_row where not dup and lead_id is not null", Long.class);
        long duplicates = jdbc.queryForObject("select count(*) from import_row where dup", Long.class);
        long merged = duplicates + (matched - updated) + (newRows - imported);
        phases.done("update existing leads and count");
        return new ImportCounts(reading.rowsRead, reading.straight + imported, updated, merged, reading.rejected);
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + String.join(", " + prefix, columns.split(", "));
    }

    /**
     * Reads the file with new leads going straight into {@code lead}; if another writer stored one of their emails
     * or external ids meanwhile (the {@code COPY} fails on the unique index), reads it again with every row staged.
     */
    private Reading readStraightOrStaged(ImportJob job, Instant now, Phases phases) {
        java.sql.Connection connection = DataSourceUtils.getConnection(dataSource);
        java.sql.Savepoint beforeReading = savepoint(connection);
        try {
            Reading reading = read(job, now, StoredLeadKeys.load(jdbc), phases);
            connection.releaseSavepoint(beforeReading);
            return reading;
        } catch (StraightInsertRaced raced) {
            log.info("import {}: another writer stored one of the file's new leads meanwhile ({}); reading the file again, "
                    + "every row through the staging table", job.id(), raced.getMessage());
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

    private static java.sql.Savepoint savepoint(java.sql.Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("no savepoint: " + e.getMessage(), e);
        }
    }

    /** Runs the lead INSERT behind a savepoint; if another writer created one of its emails meanwhile, again without those. */
    private int insertRacing(String insertLeads) {
        java.sql.Connection connection = DataSourceUtils.getConnection(dataSource);
        java.sql.Savepoint beforeLeads = savepoint(connection);
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
        String attributes = overwrite
                ? "l.attributes || r.attributes"
                : "r.attributes || l.attributes";
        before.append("l.attributes)");
        after.append(attributes).append(")");
        String changed = before + " is distinct from " + after;
        // The account follows the company: the file's when it brings one (update) or when the lead had none (fill).
        String account = overwrite ? "case when r.company is null then l.account_id else a.id end"
                : "case when l.company is null then a.id else l.account_id end";
        // One pass finds the leads the file changes, keeps how they were (for undo) and updates them.
        long[] updated = jdbc.queryForList("with changed as (select l.id, to_jsonb(l) as before from lead l "
                + "join import_row r on r.lead_id = l.id and not r.dup where " + changed + "), "
                + "kept as (insert into import_update (job_id, lead_id, before) select ?, id, before from changed) "
                + "update lead l set " + set + "attributes = " + attributes + ", account_id = " + account
                + ", version = l.version + 1, updated_at = ? from changed c join import_row r on r.lead_id = c.id and not r.dup "
                + "left join account a on a.key = r.account_key where l.id = c.id returning l.id", Long.class, job.id(), Timestamp.from(now))
                .stream().mapToLong(Long::longValue).sorted().toArray();
        jobs.progress(job.id(), "rescoring updated leads", 0, 0, job.fileBytes());
        // Set-based, with each lead's activities: the same rescoring a model change runs, in this transaction.
        rescoring.rescore(models.active(), updated, now);
        return updated.length;
    }

    /** What reading the file did: rows read and rejected, and the new leads it stored straight. */
    /** What reading the file did; {@code straightMqls}: the leads stored straight that became MQLs. */
    private record Reading(long rowsRead, long rejected, long straight, List<Long> straightMqls) {
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

    /** New leads stored together (lead, score and stage change rows, one COPY each), while the next are read. */
    static final int CHUNK = 32_768;

    /** Chunks handed to the storing thread and not yet stored, besides the one being filled. */
    private static final int CHUNKS_AHEAD = 1;

    /**
     * Reads the file. This thread parses it and cuts it into slices; each slice is validated, scored and written as
     * binary {@code COPY} rows by the scoring threads; finished slices are routed in file order (new leads straight
     * into {@code lead}, the rest staged), so the database stores while Java reads ahead. Rejections, progress and
     * lead ids go over other connections meanwhile (the import's own connection is busy with the {@code COPY}).
     *
     * @param stored the stored leads' keys, or null to stage every row
     */
    private Reading read(ImportJob job, Instant now, StoredLeadKeys stored, Phases phases) {
        CsvFile file = CsvFile.of(job);
        SliceReader slicing = new SliceReader(job.mapping(), models.active(), sources.current(), file.format(), now, job.id());
        // One core is left to Postgres, which stores the new leads while this thread and the scorers read on.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ExecutorService scorers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("import-" + job.id() + "-", 1).factory());
        ArrayDeque<Future<Slice>> inFlight = new ArrayDeque<>();
        ArrayDeque<Long> ids = new ArrayDeque<>();
        try (CsvFile.Rows rows = file.rows(); Routing routing = new Routing(job, stored, file.size())) {
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

    /**
     * Where read rows go, slice by slice in file order. A row whose email and external id the filters have certainly
     * not seen — neither earlier in the file nor among the stored leads — is a new lead: its lead, score and stage
     * change rows join the current chunk, and a full chunk is handed to the storing thread, which copies it into
     * {@code lead}, {@code lead_score} and {@code stage_change} on the import's connection while this thread reads on.
     * Every other row is staged (to a file, copied into {@code import_row} at the end) for the SQL that settles
     * duplicates exactly. Without stored keys (the second reading after a race) every row is staged. New leads need
     * their accounts first: when a slice names companies not yet stored, this thread waits until the chunks handed
     * over are stored, stores the accounts on the connection, and reads on.
     */
    private final class Routing implements AutoCloseable {
        private final ImportJob job;
        private final StoredLeadKeys stored;
        private final LeadKeyFilter seenEmails;
        private final LeadKeyFilter seenExternalIds;
        private final Map<String, Long> accountIds = new HashMap<>();
        /** Account keys not stored yet, with the company as the file first spelled it. */
        private final Map<String, String> firstSpellings = new HashMap<>();
        private final List<ImportJobs.Rejection> rejections = new ArrayList<>();
        private final List<ImportFindings.Warning> warnings = new ArrayList<>();
        private final CopyBinary stagedRows = new CopyBinary(1 << 16);
        private final Spill staged;
        private final PGConnection connection;
        private final ExecutorService storer;
        private final ArrayDeque<Future<?>> storing = new ArrayDeque<>();
        private NewLeadChunk chunk = new NewLeadChunk();
        /** Stored chunks, emptied for reuse: a chunk's buffers are large, and allocating them anew costs collections. */
        private final java.util.concurrent.ConcurrentLinkedQueue<NewLeadChunk> spareChunks = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private long rowsRead;
        private long rejected;
        private long straight;
        private final List<Long> straightMqls = new ArrayList<>();

        Routing(ImportJob job, StoredLeadKeys stored, long fileBytes) throws IOException, SQLException {
            this.job = job;
            this.connection = connection();
            this.stored = stored;
            // At most one key a 32 bytes of file is more than any real lead file holds: the filters stay sparse.
            this.seenEmails = new LeadKeyFilter(stored == null ? 0 : fileBytes / 32);
            this.seenExternalIds = new LeadKeyFilter(stored == null ? 0 : fileBytes / 32);
            this.staged = new Spill("import_row (" + STAGED_COLUMNS + ")");
            this.storer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-" + job.id() + "-store").factory());
        }

        /** The file cannot be read on from this row: the row counts as read and rejected, the rest is left out. */
        void unreadable(long row, String why) {
            rowsRead++;
            rejected++;
            rejections.add(new ImportJobs.Rejection(row, "", why));
        }

        void send(Slice slice, long bytesRead) throws IOException, SQLException {
            boolean[] straightRows = route(slice);
            byte[] text = slice.text().bytes();
            int[] ends = slice.ends();
            for (int i = 0; i < slice.accepted(); i++) {
                int start = slice.start(i);
                int leadEnd = ends[3 * i];
                int scoreEnd = ends[3 * i + 1];
                int changeEnd = ends[3 * i + 2];
                if (straightRows[i]) {
                    String key = slice.accountKeys()[i];
                    Long account = key == null ? null : accountIds.get(key);
                    chunk.leads.row(LEAD_FIELDS + 1).raw(text, start, leadEnd - start).int8(account);
                    chunk.scores.row(SCORE_FIELDS).raw(text, leadEnd, scoreEnd - leadEnd);
                    if (changeEnd > scoreEnd) {
                        chunk.changes.row(CHANGE_FIELDS).raw(text, scoreEnd, changeEnd - scoreEnd);
                    }
                    chunk.rows++;
                    straight++;
                    if (slice.mqlIds()[i] != 0) {
                        straightMqls.add(slice.mqlIds()[i]);
                    }
                } else {
                    stagedRows.row(2 + LEAD_FIELDS + SCORE_FIELDS + CHANGE_FIELDS)
                            .int8(slice.rowNumbers()[i]).text(slice.accountKeys()[i])
                            .raw(text, start, scoreEnd - start);
                    if (changeEnd > scoreEnd) {
                        stagedRows.raw(text, scoreEnd, changeEnd - scoreEnd);
                    } else {
                        stagedRows.raw(NO_CHANGE, 0, NO_CHANGE.length);
                    }
                }
            }
            if (chunk.rows >= CHUNK) {
                store();
            }
            staged.write(stagedRows);

            long before = rowsRead;
            rowsRead += slice.rows();
            rejected += slice.rejections().size();
            rejections.addAll(slice.rejections());
            warnings.addAll(slice.warnings());
            if (rowsRead / BATCH != before / BATCH) {
                saveFindings();
                jobs.progress(job.id(), "reading", rowsRead, rejected, bytesRead);
            }
        }

        /** Which of the slice's rows are certainly new leads; stores the accounts they and other first rows name. */
        private boolean[] route(Slice slice) throws IOException, SQLException {
            boolean[] straightRows = new boolean[slice.accepted()];
            if (stored == null) {
                return straightRows;
            }
            Map<String, String> newAccounts = new LinkedHashMap<>();
            for (int i = 0; i < slice.accepted(); i++) {
                long email = slice.emails()[i];
                long externalId = slice.externalIds()[i];
                // Both filters learn both keys, even when the first already says "seen".
                boolean seen = email != 0 && seenEmails.add(email);
                seen |= externalId != 0 && seenExternalIds.add(externalId);
                straightRows[i] = !seen && !stored.mayContain(email, externalId);
                String key = slice.accountKeys()[i];
                if (key != null && !accountIds.containsKey(key)) {
                    // An account is named as the file first spells it, even by a row the filters took for seen (a
                    // duplicate, or a rare false "seen"); it is created here once a row they have not seen names it,
                    // else by the staging SQL, and only if a row that is no duplicate names it.
                    String name = firstSpellings.putIfAbsent(key, slice.companies()[i]);
                    if (name == null) {
                        name = slice.companies()[i];
                    }
                    if (!seen) {
                        newAccounts.putIfAbsent(key, name);
                    }
                }
            }
            if (!newAccounts.isEmpty()) {
                // The accounts go in on the import's connection: wait until the storing thread is done with it.
                storeAndWait();
                Map<String, Long> ids = accounts.idsFor(newAccounts.values());
                newAccounts.forEach((key, company) -> {
                    accountIds.put(key, ids.get(company));
                    firstSpellings.remove(key);
                });
            }
            return straightRows;
        }

        /** Stores the last new leads, then copies the staged rows in. */
        Reading finish(Phases phases) throws IOException, SQLException {
            saveFindings();
            jobs.progress(job.id(), "storing new leads", rowsRead, rejected, job.fileBytes());
            storeAndWait();
            phases.done("read, validate, score and store " + straight + " new leads straight, with scores and stage history");
            staged.copyIn();
            phases.done("stage the other " + (rowsRead - rejected - straight) + " rows");
            return new Reading(rowsRead, rejected, straight, List.copyOf(straightMqls));
        }

        /** Rejections and warnings so far, on their own connection (kept when a dry run rolls back). */
        private void saveFindings() {
            if (!warnings.isEmpty()) {
                jobs.saveWarnings(job.id(), List.copyOf(warnings));
                warnings.clear();
            }
            if (!rejections.isEmpty()) {
                jobs.saveRejections(job.id(), List.copyOf(rejections));
                rejections.clear();
            }
        }

        /**
         * Hands the chunk to the storing thread, which copies its leads, then their scores and stage changes, while
         * this thread reads on. At most {@code CHUNKS_AHEAD} chunks wait to be stored, which bounds the memory.
         */
        private void store() {
            if (chunk.rows > 0) {
                NewLeadChunk full = chunk;
                NewLeadChunk spare = spareChunks.poll();
                chunk = spare == null ? new NewLeadChunk() : spare;
                storing.add(storer.submit(() -> {
                    full.copyTo(connection);
                    full.clear();
                    spareChunks.add(full);
                    return null;
                }));
            }
            while (storing.size() > CHUNKS_AHEAD) {
                BackgroundWork.result(storing.removeFirst(), "storing new leads");
            }
        }

        /** Stores the chunk read so far and waits until every chunk is stored: the connection is free afterwards. */
        private void storeAndWait() {
            store();
            while (!storing.isEmpty()) {
                BackgroundWork.result(storing.removeFirst(), "storing new leads");
            }
        }

        @Override
        public void close() {
            // A chunk being stored when reading failed is let finish (its COPY ends cleanly); the transaction then
            // rolls back to where reading began, or altogether.
            storer.shutdown();
            try {
                if (!storer.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
                    log.warn("import {}: storing new leads did not end after reading failed", job.id());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            staged.delete();
        }
    }

    /** Rows for a table, kept in a temporary file until the import's connection is free to {@code COPY} them in. */
    private final class Spill {
        private final String table;
        private final Path file;
        private final OutputStream out;

        Spill(String table) throws IOException {
            this.table = table;
            this.file = scratch.newFile();
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            out.write(CopyBinary.HEADER);
        }

        void write(CopyBinary rows) throws IOException {
            out.write(rows.bytes(), 0, rows.size());
            rows.clear();
        }

        void copyIn() throws IOException, SQLException {
            out.write(CopyBinary.TRAILER);
            out.close();
            try (InputStream in = Files.newInputStream(file)) {
                connection().getCopyAPI().copyIn("copy " + table + " from stdin (format binary)", in, 1 << 16);
            }
        }

        void delete() {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete the import's temporary file {}: {}", file, e.getMessage());
            }
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
                if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "23503".equals(sql.getSQLState()))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Hands a slice to a scoring thread with a lead id for each of its rows (a rejected row leaves a gap). */
    private Future<Slice> submit(ExecutorService scorers, SliceReader slicing, List<CsvFile.Row> rows, ArrayDeque<Long> ids) {
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
