package io.leadline.core.queue;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.FitGrade;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of the sales queue, as a rep sees it.
 *
 * @param likelihood   the live predictive model's stored figure, or {@code null}
 * @param slaClockFrom when the response-time clock started: when the lead entered the queue while Leadline watched it;
 *                     {@code null} for history (an import's MQLs, unless the import said sales should respond now)
 * @param handRaisedAt the latest hand-raising activity within the window ({@link HandRaisers}), or {@code null}
 * @param doNotContact the lead asked not to be contacted (it is never in the hand-raisers' lane)
 */
public record QueueEntry(
        long leadId,
        String fullName,
        String email,
        String company,
        String jobTitle,
        String source,
        int score,
        FitGrade grade,
        int priority,
        LifecycleStage stage,
        String owner,
        Instant inQueueSince,
        Double likelihood,
        Instant slaClockFrom,
        Instant handRaisedAt,
        boolean doNotContact) {

    /** An entry of a lead that may be contacted. */
    public QueueEntry(
            long leadId,
            String fullName,
            String email,
            String company,
            String jobTitle,
            String source,
            int score,
            FitGrade grade,
            int priority,
            LifecycleStage stage,
            String owner,
            Instant inQueueSince,
            Double likelihood,
            Instant slaClockFrom,
            Instant handRaisedAt) {
        this(
                leadId,
                fullName,
                email,
                company,
                jobTitle,
                source,
                score,
                grade,
                priority,
                stage,
                owner,
                inQueueSince,
                likelihood,
                slaClockFrom,
                handRaisedAt,
                false);
    }

    /** An entry whose SLA clock runs since it entered the queue, with no hand-raise. */
    public QueueEntry(
            long leadId,
            String fullName,
            String email,
            String company,
            String jobTitle,
            String source,
            int score,
            FitGrade grade,
            int priority,
            LifecycleStage stage,
            String owner,
            Instant inQueueSince,
            Double likelihood) {
        this(
                leadId,
                fullName,
                email,
                company,
                jobTitle,
                source,
                score,
                grade,
                priority,
                stage,
                owner,
                inQueueSince,
                likelihood,
                inQueueSince,
                null);
    }

    /** How long the lead has been in the queue at {@code now}: "40 min", "5 h", "3 d 4 h". */
    public String waitingFor(Instant now) {
        return duration(inQueueSince, now);
    }

    /** How long ago the lead raised its hand ("1 h": the page says "ago" in its language), or {@code null}. */
    public String handRaisedFor(Instant now) {
        return handRaisedAt == null ? null : duration(handRaisedAt, now);
    }

    /** A duration as a rep reads it: minutes under an hour, hours under two days, then days and hours. */
    static String duration(Instant from, Instant to) {
        long minutes = Math.max(0, Duration.between(from, to).toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h";
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** A hand-raiser: in the hot lane at the top of the queue. */
    public boolean hot() {
        return handRaisedAt != null;
    }

    /** Where the next page starts in this order (see {@link QueueFilter.Order#key}). */
    public QueuePosition position(QueueFilter.Order order) {
        return new QueuePosition(order.key(this), leadId);
    }

    /** The likelihood to close in whole percent, or {@code null}. */
    public Integer likelihoodPercent() {
        return likelihood == null ? null : (int) Math.round(likelihood * 100);
    }
}
