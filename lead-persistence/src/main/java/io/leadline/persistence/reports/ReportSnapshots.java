package io.leadline.persistence.reports;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refreshes the reports' pre-aggregated snapshots (V16) without blocking readers. One instance at a time: a refresh
 * asked for while another runs (on this instance or another) is skipped, since that one brings the same figures.
 */
@Repository
public class ReportSnapshots {

    /** The advisory lock key that keeps refreshes from running twice at once. */
    private static final long LOCK = 0x5245504f525453L;

    private final JdbcClient jdbc;

    ReportSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes every snapshot; false when another refresh is running. */
    @Transactional
    public boolean refresh() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
            return false;
        }
        for (String view : new String[] {"report_funnel_day", "report_score_day", "report_sla_day"}) {
            jdbc.sql("refresh materialized view concurrently " + view).update();
        }
        jdbc.sql("update report_refresh set refreshed_at = now() where id = 1").update();
        return true;
    }

    /** When the figures were last brought up to date. */
    public Instant refreshedAt() {
        return jdbc.sql("select refreshed_at from report_refresh where id = 1").query(java.sql.Timestamp.class).single().toInstant();
    }
}
