package io.leadline.core.scoring;

/** Where the live scoring model comes from. */
public interface ScoringModels {

    /** The model new scores are computed with. */
    ScoringModel active();
}
