package io.leadline.core.scoring;

/** The fit points a lead needs for grades A, B and C; anything below C is D. */
public record GradeBands(int minimumForA, int minimumForB, int minimumForC) {

    public GradeBands {
        if (!(minimumForA > minimumForB && minimumForB > minimumForC)) {
            throw new IllegalArgumentException("grade bands must fall from A to C, got A≥" + minimumForA + ", B≥"
                    + minimumForB + ", C≥" + minimumForC);
        }
    }

    public FitGrade grade(int fitPoints) {
        if (fitPoints >= minimumForA) {
            return FitGrade.A;
        }
        if (fitPoints >= minimumForB) {
            return FitGrade.B;
        }
        return fitPoints >= minimumForC ? FitGrade.C : FitGrade.D;
    }
}
