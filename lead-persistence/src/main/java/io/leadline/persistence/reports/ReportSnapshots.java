package io.leadline.persistence.reports;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refreshes the reports' pre-aggregated snapshots (V16) without blocking readers. One refresh at a time across
 * instances (an advisory lock): a scheduled one is skipped while another runs; one asked for waits its turn.
 */
@Repository
public class ReportSnapshots {

    /** The advisory lock key that keeps refreshes from running twice at once. */
    private static final long LOCK = 0x5245504f525453L;

    private final JdbcClient jdbc;

    ReportSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes every snapshot now, after any refresh that is running (so the figures include what is committed now). */
    @Transactional
    public void refresh() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
        refreshAll();
    }

    /** Refreshes every snapshot unless a refresh is running already (scheduled refreshes); false when skipped. */
    @Transactional
    public boolean refreshUnlessRunning() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single()) {
            return false;
        }
        refreshAll();
        return true;
    }

    private void refreshAll() {
        for (String view : new String[] {"report_funnel_day", "report_score_day", "report_sla_day"}) {
            jdbc.sql("refresh materialized view concurrently " + view).update();
        }
        jdbc.sql("update report_refresh set refreshed_at = now() where id = 1").update();
    }

    /** When the figures were last brought up to date. */
    public Instant refreshedAt() {
        return jdbc.sql("select refreshed_at from report_refresh where id = 1")
                .query(Timestamp.class)
                .single()
                .toInstant();
    }
}
