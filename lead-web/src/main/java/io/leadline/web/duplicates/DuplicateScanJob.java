package io.leadline.web.duplicates;

import io.leadline.core.duplicates.DuplicateCandidates;
import io.leadline.core.duplicates.DuplicateScans;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.web.jobs.BackgroundJob;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scan for possible duplicates over the whole base, as a background job (asked for on the review page, and every
 * night so that imported leads are paired too).
 */
@Component
class DuplicateScanJob implements BackgroundJob<DuplicateScans.Scan> {

    private final DuplicateScans scans;
    private final DuplicateCandidates candidates;
    private final Clock clock;

    DuplicateScanJob(DuplicateScans scans, DuplicateCandidates candidates, Clock clock) {
        this.scans = scans;
        this.candidates = candidates;
        this.clock = clock;
    }

    @Override
    public JobLeases.JobTable table() {
        return JobLeases.JobTable.DUPLICATE_SCAN;
    }

    @Override
    public Optional<DuplicateScans.Scan> claim(String worker, Instant now, Instant staleBefore) {
        return scans.claimNext(worker, now, staleBefore);
    }

    @Override
    public long id(DuplicateScans.Scan scan) {
        return scan.id();
    }

    @Override
    public void run(DuplicateScans.Scan scan) {
        long pairs = candidates.scan(Instant.now(clock));
        scans.finish(scan.id(), pairs, Instant.now(clock));
    }

    @Override
    public void fail(long id, String message, Instant at) {
        scans.fail(id, message, at);
    }

    @Override
    public String failurePrefix() {
        return "The scan for duplicates failed: ";
    }

    /** Every instance's scheduler fires; {@link DuplicateScans#request} lets one scan in while one is open. */
    @Scheduled(cron = "${leadline.duplicates.nightly-cron:0 0 3 * * *}", zone = "UTC")
    void tonight() {
        Instant now = Instant.now(clock);
        scans.request("nightly " + LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    }
}
