package io.leadline.core.queue;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.FitGrade;
import java.time.Instant;

/** One row of the sales queue, as a rep sees it. */
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
        Instant inQueueSince) {

    /** Where the next page starts: the queue is ordered by priority (descending), then lead id (ascending). */
    public QueuePosition position() {
        return new QueuePosition(priority, leadId);
    }
}
