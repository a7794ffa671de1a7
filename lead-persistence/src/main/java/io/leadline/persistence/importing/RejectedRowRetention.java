package io.leadline.persistence.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rejected rows and row warnings hold the raw lines of import files, personal data included; they are kept
 * {@code leadline.import.rejected-rows-retention} (default 90 days) after their import ended, then deleted every night.
 * The job keeps its counts.
 */
@Component
public class RejectedRowRetention {

    private static final Logger log = LoggerFactory.getLogger(RejectedRowRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    RejectedRowRetention(
            JdbcClient jdbc, Clock clock, @Value("${leadline.import.rejected-rows-retention:90d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes the rejected rows and warnings of imports that ended before the retention; answers how many rows went. */
    @Scheduled(cron = "${leadline.import.rejected-rows-cron:0 40 3 * * *}", zone = "UTC")
    @Transactional
    public long forgetExpired() {
        Timestamp before = Timestamp.from(Instant.now(clock).minus(retention));
        long rows = 0;
        for (String table : new String[] {"import_rejection", "import_warning"}) {
            rows += jdbc.sql("delete from " + table
                            + " r using import_job j where j.id = r.job_id and j.finished_at < ?")
                    .param(before)
                    .update();
        }
        if (rows > 0) {
            log.info("deleted {} rejected rows and warnings of imports that ended more than {} ago", rows, retention);
        }
        return rows;
    }
}
