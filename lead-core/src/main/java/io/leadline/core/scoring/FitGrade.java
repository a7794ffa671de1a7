package io.leadline.core.scoring;

/** How well a lead fits the ideal customer profile, A (best) to D. */
public enum FitGrade {
    A,
    B,
    C,
    D;

    /** 3 for A down to 0 for D: the higher, the earlier in the queue. */
    public int rank() {
        return D.ordinal() - ordinal();
    }
}
