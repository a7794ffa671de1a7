package io.leadline.core.scoring;

import io.leadline.core.lead.LifecycleStage;
import java.time.Instant;
import java.util.Optional;

/** The current score of each lead, kept narrow for the queue. Implemented by lead-persistence. */
public interface LeadScores {

    void save(long leadId, Score score, LifecycleStage stage, Instant scoredAt);

    Optional<StoredScore> of(long leadId);

    /** What is stored for a lead: enough to rank it, not the receipt (that is recomputed from the model). */
    record StoredScore(
            long leadId,
            int modelVersion,
            int score,
            FitGrade grade,
            int priority,
            LifecycleStage stage,
            Instant scoredAt) {}
}
