package io.leadline.core.queue;

import io.leadline.core.lead.LifecycleStage;
import java.time.Duration;
import java.time.Instant;

/** How long an MQL may wait for a rep to claim it before the queue flags it. */
public record ResponseSla(Duration limit) {

    public ResponseSla {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the response-time SLA must be positive");
        }
    }

    public static ResponseSla hours(int hours) {
        return new ResponseSla(Duration.ofHours(hours));
    }

    /** An unclaimed MQL waiting longer than the limit. */
    public boolean breachedBy(QueueEntry entry, Instant now) {
        return entry.stage() == LifecycleStage.MQL && entry.owner() == null && entry.inQueueSince().isBefore(queuedBefore(now));
    }

    /** Leads queued before this instant breach the SLA now. */
    public Instant queuedBefore(Instant now) {
        return now.minus(limit);
    }
}
