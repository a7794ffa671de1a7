package io.leadline.core.qualification;

import java.util.List;

/**
 * How often each disqualification reason was used, by reps and by rules, and why deals were lost: rejections and
 * losses feed weight review.
 */
public interface DisqualificationReport {

    List<ReasonCount> counts();

    /** Why deals were lost, as the reps or the CRM wrote it (trimmed, case ignored), most frequent first. */
    List<LostReason> lostReasons(int limit);

    /** One reason deals were lost, and how many. */
    record LostReason(String reason, long deals) {}

    /** One reason's count; {@code byRules} is how many a disqualifying rule decided, {@code byReps} by hand. */
    record ReasonCount(String reasonCode, long byReps, long byRules) {

        public long total() {
            return byReps + byRules;
        }
    }
}
