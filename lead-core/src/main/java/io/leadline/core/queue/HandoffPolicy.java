package io.leadline.core.queue;

import java.util.Objects;

/**
 * How leads reach sales, as the admin set it: who counts as a hand-raiser, how the rest of the queue is ranked, and
 * whether new MQLs no rule places go round-robin to the reps who take part, and the working hours the response-time
 * SLA counts ({@code null}: around the clock).
 */
public record HandoffPolicy(HandRaisers handRaisers, QueueFilter.Order order, boolean roundRobin, WorkingHours workingHours) {

    public HandoffPolicy {
        Objects.requireNonNull(handRaisers, "handRaisers");
        Objects.requireNonNull(order, "order");
    }

    /** A policy whose SLA runs around the clock. */
    public HandoffPolicy(HandRaisers handRaisers, QueueFilter.Order order, boolean roundRobin) {
        this(handRaisers, order, roundRobin, null);
    }

    /** The response-time SLA of this many hours, counted in the working hours if the admin set them. */
    public ResponseSla sla(int hours) {
        return ResponseSla.hours(hours).within(workingHours);
    }

    /** Until an admin saves one: the standard hand-raisers, best fit first, round-robin as configured. */
    public static HandoffPolicy standard(boolean roundRobin) {
        return new HandoffPolicy(HandRaisers.standard(), QueueFilter.Order.PRIORITY, roundRobin);
    }
}
