package io.leadline.web.prediction;

import io.leadline.persistence.prediction.LikelihoodModels;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Outcomes keep arriving: every week a training is queued with the live version's choices. Every instance's scheduler
 * fires; the job's key (the date) lets exactly one training in, which {@link BackgroundTraining} runs.
 */
@Component
class WeeklyRetraining {

    private final LikelihoodModels models;
    private final Clock clock;

    WeeklyRetraining(LikelihoodModels models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    @Scheduled(cron = "${leadline.likelihood.retrain-cron:0 0 3 * * SUN}", zone = "UTC")
    boolean queueThisWeek() {
        Instant now = Instant.now(clock);
        return models.queueScheduled("weekly " + LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    }
}
