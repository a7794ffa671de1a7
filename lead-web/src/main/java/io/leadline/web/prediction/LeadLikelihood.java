package io.leadline.web.prediction;

import io.leadline.core.prediction.LeadFeatures;
import io.leadline.core.prediction.StoredLikelihoods;
import io.leadline.persistence.prediction.LikelihoodModels;
import io.leadline.persistence.scoring.ScoringSamples;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The likelihood to close of leads, from the live trained model, shown beside the points score (never instead of it).
 * It is computed when a lead is scored (capture, edit, activity), after an import, a rescoring and a training, and
 * stored ({@link StoredLikelihoods}); pages and the API read the stored figure. The model is read once per version:
 * a model made live on any instance is picked up at the next call.
 */
@Component
public class LeadLikelihood {

    /** Leads computed and stored per round trip when refreshing many. */
    static final int CHUNK = 2_000;

    private final LikelihoodModels models;
    private final StoredLikelihoods stored;
    private final ScoringSamples samples;
    private final Clock clock;
    private final AtomicReference<LikelihoodModels.InUse> cached = new AtomicReference<>();

    LeadLikelihood(LikelihoodModels models, StoredLikelihoods stored, ScoringSamples samples, Clock clock) {
        this.models = models;
        this.stored = stored;
        this.samples = samples;
        this.clock = clock;
    }

    /** A lead's likelihood, with the model version and its held-out AUC. */
    public record Estimate(double probability, long modelVersion, Double auc) {

        public int percent() {
            return (int) Math.round(probability * 100);
        }
    }

    /** A lead's likelihood by the live model: the stored figure, computed first if the lead changed since. */
    public Optional<Estimate> of(long leadId) {
        return model().flatMap(inUse -> {
            var current = stored.of(leadId, inUse.version().id()).filter(StoredLikelihoods.Stored::current);
            double probability = current.isPresent()
                    ? current.get().probability()
                    : compute(inUse, List.of(leadId)).getOrDefault(leadId, -1.0);
            return probability < 0
                    ? Optional.empty()
                    : Optional.of(new Estimate(
                            probability, inUse.version().id(), inUse.version().auc()));
        });
    }

    /** Whether a predictive model is live (else there is no likelihood to show). */
    public boolean live() {
        return models.live().isPresent();
    }

    /** Computes and stores the likelihood of these leads (after they were scored); nothing while no model is live. */
    public void refresh(Collection<Long> leadIds) {
        model().ifPresent(inUse -> {
            for (List<Long> chunk : chunks(List.copyOf(leadIds))) {
                compute(inUse, chunk);
            }
        });
    }

    /** Computes and stores the likelihood of every lead, a chunk at a time; answers how many. */
    public long refreshAll() {
        var inUse = model();
        if (inUse.isEmpty()) {
            return 0;
        }
        long done = 0;
        long after = 0;
        for (List<Long> ids = stored.leadIdsAfter(after, CHUNK);
                !ids.isEmpty();
                ids = stored.leadIdsAfter(after, CHUNK)) {
            compute(inUse.get(), ids);
            done += ids.size();
            after = ids.getLast();
        }
        return done;
    }

    private Map<Long, Double> compute(LikelihoodModels.InUse inUse, Collection<Long> leadIds) {
        Instant now = Instant.now(clock);
        Set<String> fields = inUse.model().inputFields();
        Map<Long, Double> probabilities = new HashMap<>();
        samples.of(leadIds, fields)
                .forEach((id, s) -> probabilities.put(
                        id, inUse.model().likelihood(LeadFeatures.of(s.profile(), s.activities(), now, false))));
        stored.store(inUse.version().id(), probabilities, now);
        return probabilities;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    private Optional<LikelihoodModels.InUse> model() {
        Optional<Long> live = models.live();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        LikelihoodModels.InUse current = cached.get();
        if (current == null || current.version().id() != live.get()) {
            current = models.inUse(live.get()).orElse(null);
            cached.set(current);
        }
        return Optional.ofNullable(current);
    }
}
