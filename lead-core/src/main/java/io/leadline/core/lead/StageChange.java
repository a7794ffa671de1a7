package io.leadline.core.lead;

import java.time.Instant;
import java.util.Objects;

/**
 * One move of a lead through its lifecycle: who moved it, when and why. {@code reasonCode} names a
 * configured reason (e.g. a disqualification reason) when the move had one, so reasons can be counted.
 */
public record StageChange(
        LifecycleStage from, LifecycleStage to, String actor, String reason, Instant at, String reasonCode) {

    public StageChange(LifecycleStage from, LifecycleStage to, String actor, String reason, Instant at) {
        this(from, to, actor, reason, at, null);
    }

    public StageChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    public StageChange withReasonCode(String code) {
        return new StageChange(from, to, actor, reason, at, code);
    }
}
