package io.leadline.web.prediction;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.prediction.Example;
import io.leadline.core.prediction.LikelihoodTrainer;
import io.leadline.core.prediction.RankingQuality;
import io.leadline.core.scoring.ModelComparison;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.prediction.LikelihoodModels;
import io.leadline.web.audit.Audit;
import io.leadline.web.jobs.BackgroundJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Training the likelihood model as a background job ({@link io.leadline.web.jobs.JobRunner} runs it; queued by an
 * admin, and weekly by {@link WeeklyRetraining}): the leads with a known outcome (up to 100,000, an even spread beyond), their fit attributes, custom
 * attributes and engagement, through {@link LikelihoodTrainer}; the active points model is judged on the same
 * held-out leads.
 */
@Component
class BackgroundTraining implements BackgroundJob<LikelihoodModels.Version> {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTraining.class);

    private final LikelihoodModels models;
    private final FieldReview review;
    private final ScoringModels scoring;
    private final Audit audit;
    private final Clock clock;
    private final LeadLikelihood likelihood;

    BackgroundTraining(
            LikelihoodModels models,
            FieldReview review,
            ScoringModels scoring,
            Audit audit,
            Clock clock,
            LeadLikelihood likelihood) {
        this.likelihood = likelihood;
        this.models = models;
        this.review = review;
        this.scoring = scoring;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public JobLeases.JobTable table() {
        return JobLeases.JobTable.TRAINING;
    }

    @Override
    public Optional<LikelihoodModels.Version> claim(String worker, Instant now, Instant staleBefore) {
        return models.claimNext(worker, now, staleBefore);
    }

    @Override
    public long id(LikelihoodModels.Version version) {
        return version.id();
    }

    @Override
    public void fail(long id, String message, Instant at) {
        models.fail(id, message, at);
    }

    @Override
    public String failurePrefix() {
        return "Training failed: ";
    }

    @Override
    public void run(LikelihoodModels.Version version) {
        Instant now = Instant.now(clock);
        try {
            models.phase(version.id(), "reading leads");
            ScoringModel points = scoring.active();
            var drawn = review.draw(now);
            List<ModelComparison.Sample> known = drawn.known();
            List<Example> examples = drawn.examples();
            List<Example> open = drawn.open();
            models.phase(version.id(), "training on " + examples.size() + " leads");
            var trained = LikelihoodTrainer.train(
                    examples,
                    open,
                    Set.copyOf(version.includeFields()),
                    Set.copyOf(version.excludeFields()),
                    LikelihoodTrainer.Settings.defaults(),
                    drawn.history());
            int[] heldOut = trained.heldOut();
            double[] pointScores = new double[heldOut.length];
            boolean[] won = new boolean[heldOut.length];
            for (int i = 0; i < heldOut.length; i++) {
                var s = known.get(heldOut[i]);
                pointScores[i] = points.score(s.profile(), s.activities(), now).total();
                won[i] = s.won();
            }
            boolean live =
                    models.finish(version.id(), trained, RankingQuality.auc(pointScores, won), Instant.now(clock));
            audit.record(
                    version.requestedBy(),
                    AuditAction.LIKELIHOOD_TRAINED,
                    "likelihood model " + version.id(),
                    examples.size() + " leads, held-out AUC "
                            + (trained.auc() == null ? "—" : String.format("%.3f", trained.auc())));
            if (live) {
                scoreEveryLead(version);
            }
        } catch (IllegalArgumentException e) {
            throw new ExpectedFailure(
                    e.getMessage(), e); // too few outcomes, one kind only: said as the trainer says it
        }
    }

    /** The model is trained and live whatever happens here: a failure leaves the likelihoods to the nightly rescoring. */
    private void scoreEveryLead(LikelihoodModels.Version version) {
        try {
            likelihood.refreshAll();
        } catch (RuntimeException e) {
            log.warn(
                    "Likelihood model {} is live, but computing every lead's likelihood failed: {}",
                    version.id(),
                    e.getMessage());
        } finally {
            models.phase(version.id(), "done");
        }
    }
}
