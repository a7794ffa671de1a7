package io.leadline.persistence.importing;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.importing.ImportField;
import io.leadline.core.importing.ImportDates;
import io.leadline.core.importing.LeadRow;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.PostgresArrays;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
            + "country, source, attr_keys, attr_values, created_at, model_version, score, fit_points, engagement_points, grade, "
            + "priority, stage, change_to, change_reason, change_code";

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
        return counts;
    }

    private ImportCounts importInTransaction(ImportJob job, Instant now) {
        jdbc.execute("""
                create temporary table import_row (
                    row_no bigint primary key, email text, external_id text, full_name text, company text, job_title text,
                    company_size integer, country text, source text, attr_keys text[], attr_values text[],
                    created_at timestamptz, model_version integer, score integer, fit_points integer,
                    engagement_points integer, grade text, priority integer, stage text, change_to text,
                    change_reason text, change_code text,
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

        phases.done("find duplicates");
        // Every accepted row got an id from lead_seq while it was read; only rows that make a new lead keep theirs.
        jdbc.update("update import_row set new_id = null where new_id is not null and (dup or lead_id is not null)");
        int imported = jdbc.update("""
                insert into lead (id, version, full_name, email, company, job_title, company_size, country, source,
                                  external_id, attributes, stage, created_at, updated_at, import_job_id)
                select new_id, 0, full_name, email, company, job_title, company_size, country, source, external_id,
                       jsonb_object(coalesce(attr_keys, '{}'), coalesce(attr_values, '{}')), stage, created_at, ?, ?
                from import_row where new_id is not null
                on conflict do nothing""", Timestamp.from(now), job.id());
        long newRows = jdbc.queryForObject("select count(*) from import_row where new_id is not null", Long.class);
        // Rows that lost a race with another writer (on conflict do nothing) have no lead: leave them out below.
        String inserted = imported == newRows ? "" : " join lead l on l.id = r.new_id and l.import_job_id = " + job.id();
        phases.done("insert leads");
        jdbc.update("""
                insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage,
                                        scored_at, queued_at)
                select r.new_id, r.model_version, r.score, r.fit_points, r.engagement_points, r.grade, r.priority, r.stage, ?,
                       case when r.stage in ('MQL', 'ACCEPTED', 'SQL') then r.created_at end
                from import_row r""" + inserted + " where r.new_id is not null", Timestamp.from(now));
        jdbc.update("""
                insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at, reason_code)
                select r.new_id, 'NEW', r.change_to, ?, r.change_reason, r.created_at, r.change_code
                from import_row r""" + inserted + " where r.new_id is not null and r.change_to is not null", Lead.SYSTEM);
        phases.done("insert scores and stage history");

        int updated = job.duplicatePolicy() == DuplicatePolicy.SKIP ? 0 : update(job, now);
        long matched = jdbc.queryForObject("select count(*) from import_row where not dup and lead_id is not null", Long.class);
        long duplicates = jdbc.queryForObject("select count(*) from import_row where dup", Long.class);
        long merged = duplicates + (matched - updated) + (newRows - imported);
        phases.done("update existing leads and count");
        return new ImportCounts(reading.rowsRead, imported, updated, merged, reading.rejected);
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
                ? "l.attributes || jsonb_object(coalesce(r.attr_keys, '{}'), coalesce(r.attr_values, '{}'))"
                : "jsonb_object(coalesce(r.attr_keys, '{}'), coalesce(r.attr_values, '{}')) || l.attributes";
        before.append("l.attributes)");
        after.append(attributes).append(")");
        String changed = before + " is distinct from " + after;
        jdbc.update("insert into import_update (job_id, lead_id, before) select ?, l.id, to_jsonb(l) from lead l "
                + "join import_row r on r.lead_id = l.id and not r.dup where " + changed, job.id());
        int updated = jdbc.update("update lead l set " + set + "attributes = " + attributes
                + ", version = l.version + 1, updated_at = ? from import_row r where r.lead_id = l.id and not r.dup and "
                + changed, Timestamp.from(now));
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

    /**
     * Reads the file into {@code import_row} through one open {@code COPY}: rows stream to Postgres as they are
     * scored, so the database ingests on one core while Java parses on the other. Rejections, progress and
     * lead ids go over other connections meanwhile (the import's own connection is busy with the COPY).
     */
    private Reading read(ImportJob job, Instant now) {
        CsvFile file = CsvFile.open(Path.of(job.storedFile()));
        ColumnMapping mapping = job.mapping();
        ScoringModel model = models.active();
        long rowsRead = 0;
        long rejected = 0;
        List<ImportJobs.Rejection> rejections = new ArrayList<>();
        StringWriter accepted = new StringWriter();
        CSVPrinter out = printer(accepted);
        java.util.ArrayDeque<Long> ids = new java.util.ArrayDeque<>();
        CopyIn copy = startCopy();
        try (CsvFile.Rows rows = file.rows()) {
            boolean header = true;
            while (true) {
                CsvFile.Row row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (CsvFile.MalformedCsvException e) {
                    rowsRead++;
                    rejected++;
                    rejections.add(new ImportJobs.Rejection(e.row(), "", "the file cannot be read from this row on "
                            + "(an unbalanced quote?); everything after it is left out"));
                    break;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rowsRead++;
                LeadRow read = LeadRow.read(row.cells(), mapping, now);
                if (read instanceof LeadRow.Rejected(String reason)) {
                    rejected++;
                    rejections.add(new ImportJobs.Rejection(row.number(), raw(file.format(), row.cells()), reason));
                } else {
                    if (ids.isEmpty()) {
                        ids.addAll(jobs.nextLeadIds(BATCH));
                    }
                    write(out, row.number(), ids.removeFirst(), (LeadRow.Accepted) read, model);
                }
                if (accepted.getBuffer().length() >= 1 << 16) {
                    send(copy, accepted, out);
                }
                if (rowsRead % BATCH == 0) {
                    if (!rejections.isEmpty()) {
                        jobs.saveRejections(job.id(), List.copyOf(rejections));
                        rejections.clear();
                    }
                    jobs.progress(job.id(), "reading", rowsRead, rejected, rows.bytesRead());
                }
            }
            send(copy, accepted, out);
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import table failed: " + e.getMessage(), e);
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction rolls back anyway
                }
            }
        }
        if (!rejections.isEmpty()) {
            jobs.saveRejections(job.id(), List.copyOf(rejections));
        }
        return new Reading(rowsRead, rejected);
    }

    private CopyIn startCopy() {
        try {
            return DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_row (" + COPY_COLUMNS + ") from stdin (format csv)");
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import table could not start: " + e.getMessage(), e);
        }
    }

    private static void send(CopyIn copy, StringWriter accepted, CSVPrinter out) throws SQLException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuffer buffer = accepted.getBuffer();
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private void write(CSVPrinter out, long rowNo, long id, LeadRow.Accepted row, ScoringModel model) {
        LeadProfile p = row.profile();
        Score score = model.score(p, List.of(), row.createdAt());
        Lead lead = Lead.capture(p, row.externalId(), row.createdAt());
        var moved = lead.qualifyBy(score, row.createdAt());
        String stage = moved.map(t -> t.lead().stage().name()).orElse(lead.stage().name());
        try {
            out.printRecord(rowNo, id, p.email() == null ? null : p.email().value(), row.externalId(), p.fullName(), p.company(),
                    p.jobTitle(), p.companySize(), p.country(), p.source(), PostgresArrays.literal(p.attributes().keySet()),
                    PostgresArrays.literal(p.attributes().values()), row.createdAt(), score.modelVersion(), score.total(), score.fitPoints(),
                    score.engagementPoints(), score.grade().name(), score.priority(), stage,
                    moved.map(t -> t.change().to().name()).orElse(null), moved.map(t -> t.change().reason()).orElse(null),
                    moved.map(t -> t.change().reasonCode()).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CSVPrinter printer(StringWriter to) {
        try {
            return new CSVPrinter(to, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setNullString("").get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String raw(CSVFormat format, List<String> cells) {
        return format.format(cells.toArray());
    }
}
