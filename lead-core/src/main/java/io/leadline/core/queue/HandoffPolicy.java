package io.leadline.core.queue;

import io.leadline.core.Refusal;
import java.time.Duration;
import java.util.Objects;

/**
 * How leads reach sales, as the admin set it: who counts as a hand-raiser, how the rest of the queue is ranked, and
 * whether new MQLs no rule places go round-robin to the reps who take part, and the working hours the response-time
 * SLA counts ({@code null}: around the clock) and how long before it runs out the reps are warned ({@code null}: when
 * three quarters of it have passed).
 */
public record HandoffPolicy(
        HandRaisers handRaisers,
        QueueFilter.Order order,
        boolean roundRobin,
        WorkingHours workingHours,
        Integer slaWarningMinutes) {

    /** The longest warning: the longest SLA. */
    public static final int MAX_WARNING_MINUTES = ResponseSla.MAX_HOURS * 60;

    public HandoffPolicy {
        Objects.requireNonNull(handRaisers, "handRaisers");
        Objects.requireNonNull(order, "order");
        if (slaWarningMinutes != null && (slaWarningMinutes < 1 || slaWarningMinutes > MAX_WARNING_MINUTES)) {
            throw new Refusal(
                    "sla.warningRange",
                    "Warn 1 minute to " + ResponseSla.MAX_HOURS + " hours before the SLA runs out.",
                    ResponseSla.MAX_HOURS);
        }
    }

    /** A policy whose SLA runs around the clock, with the standard warning. */
    public HandoffPolicy(HandRaisers handRaisers, QueueFilter.Order order, boolean roundRobin) {
        this(handRaisers, order, roundRobin, null, null);
    }

    /** The watch that warns the reps of unclaimed MQLs, for an SLA of this many hours. */
    public SlaWatch slaWatch(int hours) {
        return new SlaWatch(sla(hours), slaWarningMinutes == null ? null : Duration.ofMinutes(slaWarningMinutes));
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
