package io.leadline.core.scoring;

import java.util.List;

/**
 * The result of scoring one lead with one model version. The receipt's lines add up to {@link #total()}.
 *
 * @param priority the queue order: fit grade first, then the score (higher first)
 */
public record Score(
        int modelVersion,
        int fitPoints,
        int engagementPoints,
        FitGrade grade,
        int mqlThreshold,
        List<ReceiptLine> receipt) {

    /** Room for scores within one grade before the next grade starts. */
    static final int PRIORITY_GRADE_STEP = 100_000;

    public Score {
        receipt = List.copyOf(receipt);
    }

    public int total() {
        return fitPoints + engagementPoints;
    }

    public boolean reachesMql() {
        return total() >= mqlThreshold;
    }

    public int priority() {
        int bounded = Math.max(-PRIORITY_GRADE_STEP / 2 + 1, Math.min(PRIORITY_GRADE_STEP / 2 - 1, total()));
        return grade.rank() * PRIORITY_GRADE_STEP + PRIORITY_GRADE_STEP / 2 + bounded;
    }
}
