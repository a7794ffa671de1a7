package io.leadline.web.importing;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.importing.ImportCounts;
import io.leadline.persistence.importing.CsvFile;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.importing.LeadFileImport;
import io.leadline.persistence.importing.OutcomeFileImport;
import io.leadline.web.audit.Audit;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.reports.ReportSnapshots;
import io.leadline.web.jobs.JobHeartbeat;
import io.leadline.web.prediction.LeadLikelihood;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued imports in the background, one at a time per instance, and reports what they did. An import whose
 * instance died is taken over by another (see {@link JobHeartbeat}); its transaction had rolled back, so it starts over.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final LeadFileImport leads;
    private final OutcomeFileImport outcomes;
    private final Audit audit;
    private final Clock clock;
    private final JobHeartbeat heartbeat;
    private final ReportSnapshots snapshots;
    private final LeadLikelihood likelihood;

    ImportRunner(ImportJobs jobs, LeadFileImport leads, OutcomeFileImport outcomes, Audit audit, Clock clock, JobHeartbeat heartbeat,
                 ReportSnapshots snapshots, LeadLikelihood likelihood) {
        this.likelihood = likelihood;
        this.snapshots = snapshots;
        this.heartbeat = heartbeat;
        this.jobs = jobs;
        this.leads = leads;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leadline.import.poll-millis:1000}")
    void runNext() {
        jobs.claimNext(heartbeat.worker(), Instant.now(clock), heartbeat.staleBefore())
                .ifPresent(job -> heartbeat.whileRunning(JobLeases.JobTable.IMPORT, job.id(), () -> run(job)));
    }

    void run(ImportJob job) {
        try {
            ImportCounts counts = job.kind() == ImportJob.Kind.LEADS ? leads.run(job, Instant.now(clock)) : outcomes.run(job, Instant.now(clock));
            jobs.finish(job.id(), counts, Instant.now(clock));
            refreshStatistics(job, counts);
            if (!job.dryRun()) {
                likelihood.refresh(jobs.touchedLeads(job.id()));
                snapshots.refreshUnlessRunning();   // the reports show the imported leads without waiting for the schedule
            }
            audit.record(job.requestedBy(), AuditAction.IMPORT_RUN, "import " + job.id(), (job.dryRun() ? "dry run of " : "")
                    + job.fileName() + ": " + counts.rowsRead() + " read, " + counts.imported() + " imported, "
                    + counts.updated() + " updated, " + counts.merged() + " merged, " + counts.rejected() + " rejected");
        } catch (CsvFile.UnreadableFileException e) {
            jobs.fail(job.id(), e.getMessage(), Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("Import {} failed", job.id(), e);
            jobs.fail(job.id(), "The import failed and nothing of it was kept: " + e.getMessage(), Instant.now(clock));
        }
    }

    /** The import is done and kept whatever happens here: a failure only leaves the statistics to autovacuum. */
    private void refreshStatistics(ImportJob job, ImportCounts counts) {
        if (job.kind() == ImportJob.Kind.LEADS) {
            try {
                leads.refreshStatistics(job, counts);
            } catch (RuntimeException e) {
                log.warn("Import {} is done, but refreshing the planner's statistics failed: {}", job.id(), e.getMessage());
            }
        }
    }
}
