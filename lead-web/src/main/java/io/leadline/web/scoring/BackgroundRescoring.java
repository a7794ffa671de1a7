package io.leadline.web.scoring;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.persistence.scoring.ScopedRescoring;
import io.leadline.web.audit.Audit;
import io.leadline.web.jobs.BackgroundJob;
import io.leadline.web.prediction.LeadLikelihood;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rescoring as a background job ({@link io.leadline.web.jobs.JobRunner} runs it): the leads the change can move, or
 * every lead, with the live model, then their likelihood to close again; a job whose instance died is taken over, the
 * chunks done keep their scores.
 */
@Component
class BackgroundRescoring implements BackgroundJob<RescoreJobs.RescoreJob> {

    private final RescoreJobs jobs;
    private final ScopedRescoring rescoring;
    private final ScoringModels models;
    private final Audit audit;
    private final Clock clock;
    private final LeadLikelihood likelihood;

    BackgroundRescoring(
            RescoreJobs jobs,
            ScopedRescoring rescoring,
            ScoringModels models,
            Audit audit,
            Clock clock,
            LeadLikelihood likelihood) {
        this.likelihood = likelihood;
        this.jobs = jobs;
        this.rescoring = rescoring;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public JobLeases.JobTable table() {
        return JobLeases.JobTable.RESCORE;
    }

    @Override
    public Optional<RescoreJobs.RescoreJob> claim(String worker, Instant now, Instant staleBefore) {
        return jobs.claimNext(worker, now, staleBefore);
    }

    @Override
    public long id(RescoreJobs.RescoreJob job) {
        return job.id();
    }

    @Override
    public void fail(long id, String message, Instant at) {
        jobs.fail(id, message, at);
    }

    @Override
    public String failurePrefix() {
        return "Rescoring failed (the leads done so far keep their new scores): ";
    }

    @Override
    public void run(RescoreJobs.RescoreJob job) {
        var model = models.active();
        var outcome = rescoring.run(job, model, Instant.now(clock));
        // Ages and scores changed: the likelihood to close follows (nothing while no predictive model is live).
        if (outcome.readEveryone()) {
            likelihood.refreshAll();
        } else {
            likelihood.refresh(Arrays.stream(outcome.leadIds()).boxed().toList());
        }
        var result = outcome.result();
        jobs.finish(job.id(), result, Instant.now(clock));
        audit.record(
                job.requestedBy(),
                AuditAction.RESCORED,
                "model version " + model.version(),
                result.leads() + " leads scored, " + result.changed() + " changed, " + result.moved()
                        + " changed stage");
    }
}
