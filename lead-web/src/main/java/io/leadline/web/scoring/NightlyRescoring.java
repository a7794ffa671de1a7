package io.leadline.web.scoring;

import io.leadline.persistence.scoring.RescoreJobs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Engagement points decay with time, but a stored score only changes when the lead is rescored: every night all
 * leads are rescored so that the queue's order follows the decay. Every instance's scheduler fires; the job's key
 * (the date) lets exactly one rescoring in.
 */
@Component
class NightlyRescoring {

    private final RescoreJobs jobs;
    private final Clock clock;

    NightlyRescoring(RescoreJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(cron = "${leadline.rescore.nightly-cron:0 30 2 * * *}", zone = "UTC")
    boolean queueTonight() {
        Instant now = Instant.now(clock);
        return jobs.queueScheduled(
                "nightly " + LocalDate.ofInstant(now, ZoneOffset.UTC),
                "nightly rescoring: engagement decays with time",
                now);
    }
}
