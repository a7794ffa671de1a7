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
import io.leadline.web.jobs.JobHeartbeat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Trains likelihood models in the background (queued by an admin, and weekly), one at a time per instance, leased
 * like imports: the leads with a known outcome (up to 100,000, an even spread beyond), their fit attributes, custom
 * attributes and engagement, through {@link LikelihoodTrainer}; the active points model is judged on the same
 * held-out leads.
 */
@Component
class LikelihoodTraining {

    private static final Logger log = LoggerFactory.getLogger(LikelihoodTraining.class);

    private final LikelihoodModels models;
    private final FieldReview review;
    private final ScoringModels scoring;
    private final JobHeartbeat heartbeat;
    private final Audit audit;
    private final Clock clock;
    private final LeadLikelihood likelihood;

    LikelihoodTraining(LikelihoodModels models, FieldReview review, ScoringModels scoring, JobHeartbeat heartbeat, Audit audit,
                       Clock clock, LeadLikelihood likelihood) {
        this.likelihood = likelihood;
        this.models = models;
        this.review = review;
        this.scoring = scoring;
        this.heartbeat = heartbeat;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leadline.import.poll-millis:1000}")
    void runNext() {
        models.claimNext(heartbeat.worker(), Instant.now(clock), heartbeat.staleBefore())
                .ifPresent(v -> heartbeat.whileRunning(JobLeases.JobTable.TRAINING, v.id(), () -> train(v)));
    }

    @Scheduled(cron = "${leadline.likelihood.retrain-cron:0 0 3 * * SUN}", zone = "UTC")
    boolean queueWeekly() {
        Instant now = Instant.now(clock);
        return models.queueScheduled("weekly " + LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    }

    void train(LikelihoodModels.Version version) {
        Instant now = Instant.now(clock);
        try {
            models.phase(version.id(), "reading leads");
            ScoringModel points = scoring.active();
            var drawn = review.draw(now);
            List<ModelComparison.Sample> known = drawn.known();
            List<Example> examples = drawn.examples();
            List<Example> open = drawn.open();
            models.phase(version.id(), "training on " + examples.size() + " leads");
            var trained = LikelihoodTrainer.train(examples, open, Set.copyOf(version.includeFields()),
                    Set.copyOf(version.excludeFields()), LikelihoodTrainer.Settings.defaults());
            int[] heldOut = trained.heldOut();
            double[] pointScores = new double[heldOut.length];
            boolean[] won = new boolean[heldOut.length];
            for (int i = 0; i < heldOut.length; i++) {
                var s = known.get(heldOut[i]);
                pointScores[i] = points.score(s.profile(), s.activities(), now).total();
                won[i] = s.won();
            }
            boolean live = models.finish(version.id(), trained, RankingQuality.auc(pointScores, won), Instant.now(clock));
            if (live) {
                models.phase(version.id(), "scoring every lead");
                likelihood.refreshAll(done -> { });
                models.phase(version.id(), "done");
            }
            audit.record(version.requestedBy(), AuditAction.LIKELIHOOD_TRAINED, "likelihood model " + version.id(),
                    examples.size() + " leads, held-out AUC " + (trained.auc() == null ? "—" : String.format("%.3f", trained.auc())));
        } catch (IllegalArgumentException e) {
            models.fail(version.id(), e.getMessage(), Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("Training likelihood model {} failed", version.id(), e);
            models.fail(version.id(), "Training failed: " + e.getMessage(), Instant.now(clock));
        }
    }
}
