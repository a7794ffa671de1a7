package io.leadline.web.prediction;

import io.leadline.core.activity.Activity;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.prediction.LeadFeatures;
import io.leadline.persistence.prediction.LikelihoodModels;
import io.leadline.persistence.scoring.ScoringSamples;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The likelihood to close of leads, from the newest trained model, shown beside the points score (never instead of
 * it). The model is read once per version: a training finished on any instance is picked up at the next request.
 */
@Component
public class LeadLikelihood {

    private final LikelihoodModels models;
    private final ScoringSamples samples;
    private final Clock clock;
    private final AtomicReference<LikelihoodModels.InUse> cached = new AtomicReference<>();

    LeadLikelihood(LikelihoodModels models, ScoringSamples samples, Clock clock) {
        this.models = models;
        this.samples = samples;
        this.clock = clock;
    }

    /** A lead's likelihood, with the model version and its held-out AUC. */
    public record Estimate(double probability, long modelVersion, Double auc) {

        public int percent() {
            return (int) Math.round(probability * 100);
        }
    }

    public Optional<Estimate> of(LeadProfile profile, List<Activity> activities) {
        return model().map(m -> new Estimate(m.model().likelihood(LeadFeatures.of(profile, activities, Instant.now(clock), false)),
                m.version().id(), m.version().auc()));
    }

    /** The likelihood of each of these leads, in percent; empty while no model is trained. */
    public Map<Long, Integer> percents(Collection<Long> leadIds) {
        var inUse = model();
        if (inUse.isEmpty() || leadIds.isEmpty()) {
            return Map.of();
        }
        Instant now = Instant.now(clock);
        Map<Long, Integer> percents = new HashMap<>();
        Set<String> fields = inUse.get().model().columns().stream().map(c -> c.field()).collect(java.util.stream.Collectors.toSet());
        samples.of(leadIds, fields).forEach((id, s) -> percents.put(id,
                (int) Math.round(100 * inUse.get().model().likelihood(LeadFeatures.of(s.profile(), s.activities(), now, false)))));
        return percents;
    }

    private Optional<LikelihoodModels.InUse> model() {
        Optional<Long> newest = models.newestTrained();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        LikelihoodModels.InUse current = cached.get();
        if (current == null || current.version().id() != newest.get()) {
            current = models.inUse(newest.get()).orElse(null);
            cached.set(current);
        }
        return Optional.ofNullable(current);
    }
}
