package io.leadline.web.importing;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.importing.ImportCounts;
import io.leadline.core.lead.CustomFieldTypes;
import io.leadline.persistence.importing.CsvFile;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.importing.LeadFileImport;
import io.leadline.persistence.importing.OutcomeFileImport;
import io.leadline.persistence.importing.UploadRetention;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.reports.ReportSnapshots;
import io.leadline.web.audit.Audit;
import io.leadline.web.jobs.BackgroundJob;
import io.leadline.web.prediction.LeadLikelihood;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports as background jobs ({@link io.leadline.web.jobs.JobRunner} runs them): the file read and stored in one
 * transaction, then the statistics, the reports and the likelihoods brought up to date, and the audit told. An import
 * whose instance died is taken over by another; its transaction had rolled back, so it starts over.
 */
@Component
class BackgroundImport implements BackgroundJob<ImportJob> {

    private static final Logger log = LoggerFactory.getLogger(BackgroundImport.class);

    private final ImportJobs jobs;
    private final LeadFileImport leads;
    private final OutcomeFileImport outcomes;
    private final Audit audit;
    private final Clock clock;
    private final ReportSnapshots snapshots;
    private final LeadLikelihood likelihood;
    private final UploadRetention retention;
    private final CustomFieldTypes fieldTypes;

    BackgroundImport(
            ImportJobs jobs,
            LeadFileImport leads,
            OutcomeFileImport outcomes,
            Audit audit,
            Clock clock,
            ReportSnapshots snapshots,
            LeadLikelihood likelihood,
            UploadRetention retention,
            CustomFieldTypes fieldTypes) {
        this.fieldTypes = fieldTypes;
        this.retention = retention;
        this.likelihood = likelihood;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.leads = leads;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public JobLeases.JobTable table() {
        return JobLeases.JobTable.IMPORT;
    }

    @Override
    public Optional<ImportJob> claim(String worker, Instant now, Instant staleBefore) {
        return jobs.claimNext(worker, now, staleBefore);
    }

    @Override
    public long id(ImportJob job) {
        return job.id();
    }

    @Override
    public void fail(long id, String message, Instant at) {
        jobs.fail(id, message, at);
        retention.importEnded();
    }

    @Override
    public String failurePrefix() {
        return "The import failed and nothing of it was kept: ";
    }

    @Override
    public void run(ImportJob job) {
        try {
            ImportCounts counts = job.kind() == ImportJob.Kind.LEADS
                    ? leads.run(job, Instant.now(clock))
                    : outcomes.run(job, Instant.now(clock));
            jobs.finish(job.id(), counts, Instant.now(clock));
            if (!job.dryRun()) {
                retention.importEnded(); // the file is read and its rows stored: it goes now
            }
            refreshStatistics(job, counts);
            if (!job.dryRun()) {
                followUp(job);
            }
            audit.record(
                    job.requestedBy(),
                    AuditAction.IMPORT_RUN,
                    "import " + job.id(),
                    (job.dryRun() ? "dry run of " : "")
                            + job.fileName() + ": " + counts.rowsRead() + " read, " + counts.imported() + " imported, "
                            + counts.updated() + " updated, " + counts.merged() + " merged, " + counts.rejected()
                            + " rejected");
        } catch (CsvFile.UnreadableFileException e) {
            throw new ExpectedFailure(e.getMessage(), e);
        }
    }

    /**
     * The import is done and kept whatever happens here: the types of the custom fields it brought, the imported leads'
     * likelihoods, and the reports without waiting for their schedule (a failure leaves them to the nightly rescoring
     * and the next refresh).
     */
    private void followUp(ImportJob job) {
        try {
            if (job.kind() == ImportJob.Kind.LEADS) {
                fieldTypes.checkImport(job.id(), Instant.now(clock));
            }
            likelihood.refresh(jobs.touchedLeads(job.id()));
            snapshots.refreshUnlessRunning();
        } catch (RuntimeException e) {
            log.warn("Import {} is done, but updating likelihoods or reports failed: {}", job.id(), e.getMessage());
        }
    }

    /** The import is done and kept whatever happens here: a failure only leaves the statistics to autovacuum. */
    private void refreshStatistics(ImportJob job, ImportCounts counts) {
        if (job.kind() == ImportJob.Kind.LEADS) {
            try {
                leads.refreshStatistics(job, counts);
            } catch (RuntimeException e) {
                log.warn(
                        "Import {} is done, but refreshing the planner's statistics failed: {}",
                        job.id(),
                        e.getMessage());
            }
        }
    }
}
