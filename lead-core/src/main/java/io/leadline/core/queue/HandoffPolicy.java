package io.leadline.core.queue;

import java.util.Objects;

/**
 * How leads reach sales, as the admin set it: who counts as a hand-raiser, how the rest of the queue is ranked, and
 * whether new MQLs no rule places go round-robin to the reps who take part.
 */
public record HandoffPolicy(HandRaisers handRaisers, QueueFilter.Order order, boolean roundRobin) {

    public HandoffPolicy {
        Objects.requireNonNull(handRaisers, "handRaisers");
        Objects.requireNonNull(order, "order");
    }

    /** Until an admin saves one: the standard hand-raisers, best fit first, round-robin as configured. */
    public static HandoffPolicy standard(boolean roundRobin) {
        return new HandoffPolicy(HandRaisers.standard(), QueueFilter.Order.PRIORITY, roundRobin);
    }
}
