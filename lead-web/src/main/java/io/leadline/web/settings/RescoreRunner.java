package io.leadline.web.settings;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.persistence.scoring.Rescoring;
import io.leadline.web.audit.Audit;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.web.jobs.JobHeartbeat;
import io.leadline.web.prediction.LeadLikelihood;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued rescoring jobs in the background with the live model, then computes every lead's likelihood to close
 * again; a job whose instance died is taken over (see {@link JobHeartbeat}).
 */
@Component
class RescoreRunner {

    private static final Logger log = LoggerFactory.getLogger(RescoreRunner.class);

    private final RescoreJobs jobs;
    private final Rescoring rescoring;
    private final ScoringModels models;
    private final Audit audit;
    private final Clock clock;
    private final JobHeartbeat heartbeat;
    private final LeadLikelihood likelihood;

    RescoreRunner(RescoreJobs jobs, Rescoring rescoring, ScoringModels models, Audit audit, Clock clock, JobHeartbeat heartbeat,
                  LeadLikelihood likelihood) {
        this.likelihood = likelihood;
        this.heartbeat = heartbeat;
        this.jobs = jobs;
        this.rescoring = rescoring;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leadline.import.poll-millis:1000}")
    void runNext() {
        jobs.claimNext(heartbeat.worker(), rescoring::countLeads, Instant.now(clock), heartbeat.staleBefore())
                .ifPresent(job -> heartbeat.whileRunning(JobLeases.JobTable.RESCORE, job.id(), () -> run(job)));
    }

    private void run(RescoreJobs.RescoreJob job) {
        try {
            var model = models.active();
            var result = rescoring.rescoreAll(model, Instant.now(clock), done -> jobs.progress(job.id(), done));
            // Ages and scores changed: the likelihood to close follows (nothing while no predictive model is live).
            likelihood.refreshAll(done -> { });
            jobs.finish(job.id(), result, Instant.now(clock));
            audit.record(job.requestedBy(), AuditAction.RESCORED, "model version " + model.version(),
                    result.leads() + " leads scored, " + result.changed() + " changed, " + result.moved() + " changed stage");
        } catch (RuntimeException e) {
            log.error("Rescoring {} failed", job.id(), e);
            jobs.fail(job.id(), e.getMessage(), Instant.now(clock));
        }
    }
}
