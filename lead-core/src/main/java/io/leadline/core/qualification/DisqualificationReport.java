package io.leadline.core.qualification;

import java.util.List;

/** How often each disqualification reason was used, by reps and by rules: rejections feed weight review. */
public interface DisqualificationReport {

    List<ReasonCount> counts();

    /** One reason's count; {@code byRules} is how many a disqualifying rule decided, {@code byReps} by hand. */
    record ReasonCount(String reasonCode, long byReps, long byRules) {

        public long total() {
            return byReps + byRules;
        }
    }
}
