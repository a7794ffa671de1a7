package io.leadline.core.queue;

import io.leadline.core.Refusal;
import io.leadline.core.lead.LifecycleStage;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an MQL may wait for a rep to claim it before the queue flags it: around the clock, or counted in the
 * {@link WorkingHours} the admin set.
 *
 * @param workingHours {@code null}: every hour counts
 */
public record ResponseSla(Duration limit, WorkingHours workingHours) {

    public ResponseSla {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the response-time SLA must be positive");
        }
    }

    public ResponseSla(Duration limit) {
        this(limit, null);
    }

    /** The same limit, counted in these working hours ({@code null}: around the clock). */
    public ResponseSla within(WorkingHours hours) {
        return new ResponseSla(limit, hours);
    }

    /** How much of the SLA has passed between the two instants. */
    public Duration elapsed(Instant from, Instant to) {
        if (workingHours != null) {
            return workingHours.between(from, to);
        }
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    /** Whether a lead that entered the queue at {@code from} and was claimed (or is still waiting) at {@code to} is within the SLA. */
    public boolean met(Instant from, Instant to) {
        return elapsed(from, to).compareTo(limit) <= 0;
    }

    /** The instant {@code part} of SLA time before {@code to}. */
    public Instant before(Instant to, Duration part) {
        return workingHours == null ? to.minus(part) : workingHours.minus(to, part);
    }

    /** The longest SLA an admin may set: a month. */
    public static final int MAX_HOURS = 720;

    /** An SLA of whole hours, 1 to {@value #MAX_HOURS}. */
    public static ResponseSla hours(int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new Refusal("sla.range", "The SLA is between 1 and " + MAX_HOURS + " hours.", MAX_HOURS);
        }
        return new ResponseSla(Duration.ofHours(hours));
    }

    /**
     * An unclaimed MQL waiting longer than the limit since its clock started. History (an MQL imported without
     * starting the clock) never breaches.
     */
    public boolean breachedBy(QueueEntry entry, Instant now) {
        return entry.stage() == LifecycleStage.MQL
                && entry.owner() == null
                && entry.slaClockFrom() != null
                && entry.slaClockFrom().isBefore(queuedBefore(now));
    }

    /** Leads queued before this instant breach the SLA now. */
    public Instant queuedBefore(Instant now) {
        return before(now, limit);
    }
}
