package io.leadline.persistence.importing;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.importing.OutcomeRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports won/lost outcomes for existing leads, found by email or external id (the Olist closed-deals file
 * against the Olist MQLs). Rows for no known lead are rejected with the key they carried. Each lead it closes keeps how
 * it was before ({@code import_update}), so that the import can be undone ({@link #undo}).
 */
@Component
public class OutcomeFileImport {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ImportJobs jobs;
    private final JdbcClient client;

    OutcomeFileImport(JdbcTemplate jdbc, JdbcClient client, PlatformTransactionManager transactions, ImportJobs jobs) {
        this.client = client;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.jobs = jobs;
    }

    public ImportCounts run(ImportJob job, Instant now) {
        return transaction.execute(status -> {
            ImportCounts counts = importInTransaction(job, now);
            if (job.dryRun()) {
                status.setRollbackOnly();
            }
            return counts;
        });
    }

    private ImportCounts importInTransaction(ImportJob job, Instant now) {
        jdbc.execute("""
                create temporary table outcome_row (row_no bigint primary key, email text, external_id text, outcome text,
                    outcome_at timestamptz, raw text, dup boolean not null default false, lead_id bigint) on commit drop""");
        CsvFile file = CsvFile.of(job);
        long rowsRead = 0;
        List<ImportJobs.Rejection> rejections = new ArrayList<>();
        List<Object[]> accepted = new ArrayList<>();
        try (CsvFile.Rows rows = file.rows()) {
            boolean header = true;
            while (rows.hasNext()) {
                CsvFile.Row row = rows.next();
                if (header) {
                    header = false;
                    continue;
                }
                rowsRead++;
                String raw = LeadFileImport.raw(row.cells());
                OutcomeRow read = OutcomeRow.read(row.cells(), job.mapping(), now);
                if (read instanceof OutcomeRow.Rejected(String reason)) {
                    rejections.add(new ImportJobs.Rejection(row.number(), raw, reason));
                } else if (read instanceof OutcomeRow.Accepted a) {
                    accepted.add(new Object[] {
                        row.number(),
                        a.email() == null ? null : a.email().value(),
                        a.externalId(),
                        a.outcome().name(),
                        Timestamp.from(a.at()),
                        raw
                    });
                }
            }
        } catch (CsvFile.MalformedCsvException e) {
            rowsRead++;
            rejections.add(new ImportJobs.Rejection(e.row(), "", file.unreadableFrom(e.row())));
        }
        jdbc.batchUpdate(
                "insert into outcome_row (row_no, email, external_id, outcome, outcome_at, raw) values (?, ?, ?, ?, ?, ?)",
                accepted);
        jobs.progress(job.id(), "matching leads", rowsRead, rejections.size(), job.fileBytes());

        jdbc.update("""
                update outcome_row r set dup = true from (select row_no, row_number() over (partition by coalesce(email, '')
                    || '|' || coalesce(external_id, '') order by row_no) as n from outcome_row) d where d.row_no = r.row_no and d.n > 1""");
        jdbc.update(
                "update outcome_row r set lead_id = l.id from lead l where r.email is not null and l.email = r.email");
        jdbc.update(
                "update outcome_row r set lead_id = l.id from lead l where r.lead_id is null and r.external_id is not null and l.external_id = r.external_id");
        List<ImportJobs.Rejection> unmatched = jdbc.query(
                "select row_no, raw, coalesce(external_id, email) as key from outcome_row where lead_id is null order by row_no",
                (rs, n) -> new ImportJobs.Rejection(
                        rs.getLong(1),
                        rs.getString(2),
                        "no lead with the email or external id \"" + rs.getString(3) + "\""));
        rejections.addAll(unmatched);
        if (!rejections.isEmpty()) {
            jobs.saveRejections(job.id(), rejections);
        }

        String reason = "outcome imported from " + job.fileName();
        // How each lead was before, for undo (and what the leak guard's field history reads).
        jdbc.update("""
                insert into import_update (job_id, lead_id, before)
                select ?, l.id, to_jsonb(l) from lead l join outcome_row r on r.lead_id = l.id and not r.dup
                where l.stage is distinct from r.outcome or l.outcome is distinct from r.outcome on conflict do nothing""", job.id());
        jdbc.update("""
                insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at)
                select l.id, l.stage, r.outcome, ?, ?, r.outcome_at from lead l join outcome_row r on r.lead_id = l.id and not r.dup
                where l.stage is distinct from r.outcome or l.outcome is distinct from r.outcome""", job.requestedBy(), reason);
        // Each lead's won or lost deal in the audit trail, as a sales move of one lead would be (the import's own entry
        // says who ran it): one set-based insert beside the stage changes it mirrors.
        jdbc.update(
                """
                insert into audit_event (at, actor, action, target, detail)
                select ?, ?, case r.outcome when 'WON' then ? else ? end, 'lead ' || l.id, ?
                from lead l join outcome_row r on r.lead_id = l.id and not r.dup
                where l.stage is distinct from r.outcome or l.outcome is distinct from r.outcome""",
                Timestamp.from(now),
                job.requestedBy(),
                AuditAction.LEAD_WON.name(),
                AuditAction.LEAD_LOST.name(),
                reason);
        int updated = jdbc.update("""
                update lead l set outcome = r.outcome, outcome_at = r.outcome_at, outcome_reason = ?, stage = r.outcome,
                       revisit_on = null, version = l.version + 1, updated_at = ?
                from outcome_row r where r.lead_id = l.id and not r.dup
                  and (l.stage is distinct from r.outcome or l.outcome is distinct from r.outcome)""", reason, Timestamp.from(now));
        jdbc.update(
                "update lead_score s set stage = l.stage from lead l join outcome_row r on r.lead_id = l.id where s.lead_id = l.id and s.stage <> l.stage");
        long matched = jdbc.queryForObject("select count(*) from outcome_row where lead_id is not null", Long.class);
        return new ImportCounts(rowsRead, 0, updated, matched - updated, rejections.size());
    }

    /**
     * Undoes a finished outcomes import: each lead it closed gets back the stage and outcome it had, with a stage change
     * saying so, unless the lead changed since (a rep moved it, another import): those stay as they are.
     */
    @Transactional
    public OutcomesUndone undo(long id, String actor, Instant at) {
        String eligible = """
                from import_update u join lead l on l.id = u.lead_id
                where u.job_id = ? and l.version = (u.before ->> 'version')::bigint + 1""";
        client.sql("insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at) "
                        + "select l.id, l.stage, u.before ->> 'stage', ?, ?, ? " + eligible
                        + " and l.stage is distinct from u.before ->> 'stage'")
                .params(actor, "outcomes import " + id + " undone", Timestamp.from(at), id)
                .update();
        int restored = client.sql("""
                        update lead l set stage = u.before ->> 'stage', outcome = u.before ->> 'outcome',
                               outcome_at = (u.before ->> 'outcome_at')::timestamptz, outcome_reason = u.before ->> 'outcome_reason',
                               revisit_on = (u.before ->> 'revisit_on')::date, version = l.version + 1, updated_at = ?
                        from import_update u
                        where u.job_id = ? and u.lead_id = l.id and l.version = (u.before ->> 'version')::bigint + 1""").params(Timestamp.from(at), id).update();
        client.sql("""
                        update lead_score s set stage = l.stage from import_update u join lead l on l.id = u.lead_id
                        where u.job_id = ? and s.lead_id = l.id and s.stage <> l.stage""").param(id).update();
        int changedSince = client.sql("select count(*) from import_update where job_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                - restored;
        client.sql("update import_job set status = 'UNDONE', phase = 'undone' where id = ? and status = 'DONE'")
                .param(id)
                .update();
        return new OutcomesUndone(restored, changedSince);
    }

    /** What undoing an outcomes import did: leads given back their stage and outcome, leads left as they are now. */
    public record OutcomesUndone(int restored, int changedSince) {}
}
