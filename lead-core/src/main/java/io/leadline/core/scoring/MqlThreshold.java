package io.leadline.core.scoring;

import java.util.Objects;

/** When a lead becomes an MQL: a total of at least {@code points}, with a fit grade of {@code minimumGrade} or better. */
public record MqlThreshold(int points, FitGrade minimumGrade) {

    public MqlThreshold {
        Objects.requireNonNull(minimumGrade, "minimumGrade");
    }

    public static MqlThreshold atPoints(int points) {
        return new MqlThreshold(points, FitGrade.D);
    }

    public boolean reachedBy(int total, FitGrade grade) {
        return total >= points && grade.rank() >= minimumGrade.rank();
    }
}
