package io.leadline.persistence.duplicates;

import io.leadline.core.duplicates.LeadMerges;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a merged lead's rows to its survivor, table by table. Every table that names a lead is listed here, as moved
 * or as dropped with the merged lead; a test reads the database's foreign keys and {@code lead_id} columns and fails
 * when one is missing, so a new table cannot be forgotten.
 */
@Repository
class JdbcLeadMerges implements LeadMerges {

    /** Rows that move to the survivor as they are. */
    static final List<String> MOVED = List.of(
            "activity",
            "stage_change",
            "inbox_item",
            "pending_submission",
            "tracked_visitor",
            "webhook_delivery",
            "bulk_action_refusal");
    /**
     * Rows the survivor has its own of: moved only where the survivor has none of that kind (its BANT answer for a
     * criterion, its import history for a job, its membership of a segment list), the rest deleted with the merged lead.
     */
    static final List<String> MOVED_UNLESS_SURVIVOR_HAS = List.of("bant_answer", "import_update", "segment_member");
    /** Rows recomputed for the survivor, or only about the pair: deleted with the merged lead. */
    static final List<String> DROPPED =
            List.of("lead_score", "lead_likelihood", "duplicate_pair", "duplicate_dismissal");
    /**
     * Left as they are: notes asking to roll an account up again ({@code account_change}); one naming the merged lead
     * finds no lead any more, and deleting it notes its account anyway.
     */
    static final List<String> LEFT = List.of("account_change");
    /** The redirect itself: ids merged into the merged lead answer with the survivor's now. */
    static final List<String> REDIRECTED = List.of("merged_lead");

    private final JdbcClient jdbc;

    JdbcLeadMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void move(long survivorId, long mergedId, String by, Instant at) {
        for (String table : MOVED) {
            jdbc.sql("update " + table + " set lead_id = ? where lead_id = ?")
                    .params(survivorId, mergedId)
                    .update();
        }
        jdbc.sql("""
                        update bant_answer m set lead_id = ? where m.lead_id = ?
                           and not exists (select 1 from bant_answer s where s.lead_id = ? and s.criterion = m.criterion)""").params(survivorId, mergedId, survivorId).update();
        jdbc.sql("""
                        update import_update m set lead_id = ? where m.lead_id = ?
                           and not exists (select 1 from import_update s where s.lead_id = ? and s.job_id = m.job_id)""").params(survivorId, mergedId, survivorId).update();
        jdbc.sql("""
                        update segment_member m set lead_id = ? where m.lead_id = ?
                           and not exists (select 1 from segment_member s where s.lead_id = ? and s.segment_id = m.segment_id)""").params(survivorId, mergedId, survivorId).update();
        jdbc.sql("update merged_lead set survivor_id = ? where survivor_id = ?")
                .params(survivorId, mergedId)
                .update();
        jdbc.sql("""
                        insert into merged_lead (merged_id, merged_email, survivor_id, merged_at, merged_by)
                        select id, email, ?, ?, ? from lead where id = ?""").params(survivorId, Timestamp.from(at), by, mergedId).update();
        jdbc.sql("delete from lead where id = ?").param(mergedId).update();
    }

    @Override
    public Optional<Long> survivorOf(long mergedId) {
        return jdbc.sql("select survivor_id from merged_lead where merged_id = ?")
                .param(mergedId)
                .query(Long.class)
                .optional();
    }
}
