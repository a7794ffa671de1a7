package io.leadline.web.tracking;

import io.leadline.core.tracking.WebsiteHits;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the months of tracking hits: this month's and the next are made at start (HitBuffer) and every night; months older than
 * {@code leadline.tracking.retention-months} (13 by default) are dropped whole. Hits already attached to a lead live
 * on as its activities, which this does not touch.
 */
@Component
class TrackingRetention {

    private static final Logger log = LoggerFactory.getLogger(TrackingRetention.class);

    private final WebsiteHits hits;
    private final Clock clock;
    private final int months;

    TrackingRetention(WebsiteHits hits, Clock clock, @Value("${leadline.tracking.retention-months:13}") int months) {
        if (months < 1) {
            throw new IllegalStateException("leadline.tracking.retention-months is at least 1, not " + months);
        }
        this.hits = hits;
        this.clock = clock;
        this.months = months;
    }

    int months() {
        return months;
    }

    @Scheduled(cron = "0 41 2 * * *")
    void nightly() {
        Instant now = Instant.now(clock);
        hits.prepareMonths(now);
        List<String> dropped = hits.dropMonthsBefore(months, now);
        if (!dropped.isEmpty()) {
            log.info("Dropped tracking hits older than {} months: {}", months, dropped);
        }
    }
}
