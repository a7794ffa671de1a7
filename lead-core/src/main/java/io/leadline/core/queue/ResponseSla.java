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

    /** The longest SLA an admin may set: a month. */
    public static final int MAX_HOURS = 720;

    /** An SLA of whole hours, 1 to {@value #MAX_HOURS}. */
    public static ResponseSla hours(int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("The SLA is between 1 and " + MAX_HOURS + " hours.");
        }
        return new ResponseSla(Duration.ofHours(hours));
    }

    /**
     * An unclaimed MQL waiting longer than the limit since its clock started. History (an MQL imported without
     * starting the clock) never breaches.
     */
    public boolean breachedBy(QueueEntry entry, Instant now) {
        return entry.stage() == LifecycleStage.MQL && entry.owner() == null && entry.slaClockFrom() != null
                && entry.slaClockFrom().isBefore(queuedBefore(now));
    }

    /** Leads queued before this instant breach the SLA now. */
    public Instant queuedBefore(Instant now) {
        return now.minus(limit);
    }
}
