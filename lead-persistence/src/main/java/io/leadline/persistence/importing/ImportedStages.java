package io.leadline.persistence.importing;

import io.leadline.core.importing.ImportFindings;
import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stages an import's file gives leads that exist already, under a policy that updates them: each one moved by the
 * domain ({@link Lead#importStage}) and stored by the one writer ({@link Leads#apply}: the lead, its stage history and,
 * for a new MQL, the event that assigns it). New leads got theirs as they were copied in. A closed lead is not reopened:
 * its row gets a warning instead.
 */
@Component
class ImportedStages {

    private final JdbcTemplate jdbc;
    private final Leads leads;
    private final ImportJobs jobs;

    ImportedStages(JdbcTemplate jdbc, Leads leads, ImportJobs jobs) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.jobs = jobs;
    }

    private record Move(long row, long leadId, LifecycleStage stage) {}

    /** Moves the matched leads of {@code import_row} to the stages their rows give; answers how many moved. */
    int apply(long jobId, Instant now) {
        List<Move> moves = jdbc.query(
                "select row_no, lead_id, change_to from import_row where not dup and lead_id is not null "
                        + "and change_actor = ? order by row_no",
                (rs, n) -> new Move(rs.getLong(1), rs.getLong(2), LifecycleStage.valueOf(rs.getString(3))),
                Lead.IMPORT);
        List<ImportFindings.Warning> warnings = new ArrayList<>();
        int moved = 0;
        for (Move move : moves) {
            Lead lead = leads.byId(move.leadId()).orElseThrow();
            try {
                var transition = lead.importStage(move.stage(), null, now);
                if (transition.isPresent()) {
                    leads.apply(transition.get());
                    moved++;
                }
            } catch (IllegalStageChangeException e) {
                warnings.add(new ImportFindings.Warning(
                        move.row(),
                        "stage " + move.stage().label() + " not applied: the lead is "
                                + lead.stage().label() + " already, and a closed lead is not reopened by a file"));
            }
        }
        if (!warnings.isEmpty()) {
            jobs.saveWarnings(jobId, warnings);
        }
        return moved;
    }
}
