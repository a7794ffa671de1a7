package io.leadline.core.scoring;

import io.leadline.core.qualification.Disqualification;
import java.util.List;
import java.util.Optional;

/**
 * The result of scoring one lead with one model version: fit points and grade, engagement points, the
 * total, and the receipt whose lines add up to the total. A lead a disqualifying rule caught carries the
 * {@link Disqualification} and never reaches MQL, whatever its points.
 */
public record Score(
        int modelVersion,
        int fitPoints,
        int engagementPoints,
        int total,
        FitGrade grade,
        MqlThreshold mql,
        Disqualification disqualification,
        List<ReceiptLine> receipt) {

    /** Room for totals within one grade before the next grade starts. */
    static final int PRIORITY_GRADE_STEP = 100_000;

    public Score {
        receipt = List.copyOf(receipt);
        int sum = 0;
        for (ReceiptLine line : receipt) {
            sum += line.points();
        }
        if (sum != total) {
            throw new IllegalArgumentException("the receipt adds up to " + sum + ", not to the score " + total);
        }
    }

    /** A score with only fit points, e.g. for a lead with no activity yet. */
    public static Score ofFit(int modelVersion, List<ReceiptLine> fitLines, GradeBands bands, MqlThreshold mql) {
        int fit = fitLines.stream().mapToInt(ReceiptLine::points).sum();
        return new Score(modelVersion, fit, 0, fit, bands.grade(fit), mql, null, fitLines);
    }

    public int mqlThreshold() {
        return mql.points();
    }

    public Optional<Disqualification> disqualified() {
        return Optional.ofNullable(disqualification);
    }

    public boolean reachesMql() {
        return disqualification == null && mql.reachedBy(total, grade);
    }

    /**
     * The queue order: fit grade first, then the total. A fit-A lead with moderate engagement outranks a fit-D
     * lead with high engagement.
     */
    public int priority() {
        int bounded = Math.max(-PRIORITY_GRADE_STEP / 2 + 1, Math.min(PRIORITY_GRADE_STEP / 2 - 1, total));
        return grade.rank() * PRIORITY_GRADE_STEP + PRIORITY_GRADE_STEP / 2 + bounded;
    }
}
