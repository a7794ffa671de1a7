package io.leadline.core.queue;

import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.FitGrade;
import java.time.Instant;

/** One row of the sales queue, as a rep sees it ({@code likelihood}: the live predictive model's stored figure, or {@code null}). */
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
        Double likelihood) {

    /** Where the next page starts: the queue is ordered by priority (descending), then lead id (ascending). */
    public QueuePosition position() {
        return new QueuePosition(priority, leadId);
    }

    /**
     * Where the next page starts in this order: by likelihood, the position's first value is the stored probability in
     * millionths (-1 for none).
     */
    public QueuePosition position(QueueFilter.Order order) {
        return order == QueueFilter.Order.LIKELIHOOD
                ? new QueuePosition((int) LeadList.likelihoodKey(likelihood), leadId) : position();
    }

    /** The likelihood to close in whole percent, or {@code null}. */
    public Integer likelihoodPercent() {
        return likelihood == null ? null : (int) Math.round(likelihood * 100);
    }
}
