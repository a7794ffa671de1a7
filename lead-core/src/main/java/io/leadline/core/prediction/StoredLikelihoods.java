package io.leadline.core.prediction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each lead's likelihood to close as the live model computed it, stored beside its score so that the list, the queue,
 * the API and the export read, sort and filter by it without evaluating a model per request. A stored figure is
 * current while it is of the live model and newer than the lead's score (a rescoring, an edit or an activity makes it
 * stale until it is computed again). Implemented by lead-persistence.
 */
public interface StoredLikelihoods {

    /** A lead's stored likelihood; {@code current}: of the live model and computed since the lead was last scored. */
    record Stored(double probability, long modelId, Instant computedAt, boolean current) {}

    void store(long modelId, Map<Long, Double> probabilities, Instant at);

    Optional<Stored> of(long leadId, long liveModelId);

    /** The next lead ids after {@code afterId}, in order: every lead, a chunk at a time. */
    List<Long> leadIdsAfter(long afterId, int limit);
}
