package io.leadline.core.lead;

import java.time.Instant;
import java.util.Objects;

/** One move of a lead through its lifecycle: who moved it, when and why. */
public record StageChange(LifecycleStage from, LifecycleStage to, String actor, String reason, Instant at) {

    public StageChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
