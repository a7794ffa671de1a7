package io.leadline.web.reports;

import io.leadline.persistence.reports.ReportSnapshots;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The snapshots the reports read are brought up to date every {@code leadline.reports.refresh-millis} (5 minutes),
 * by one instance at a time (the snapshots take an advisory lock; an instance that finds one running skips its turn).
 */
@Component
public class ReportRefresh {

    private final ReportSnapshots snapshots;

    ReportRefresh(ReportSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Now, for a change the reports should show at once (a merge of sources); skipped when a refresh is running. */
    public void now() {
        refreshRegularly();
    }

    @Scheduled(
            fixedDelayString = "${leadline.reports.refresh-millis:300000}",
            initialDelayString = "${leadline.reports.refresh-millis:300000}")
    void refreshRegularly() {
        snapshots.refreshUnlessRunning();
    }
}
