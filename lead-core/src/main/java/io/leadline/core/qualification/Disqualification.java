package io.leadline.core.qualification;

import java.util.Objects;

/** A lead ruled out: the reason, and the rule or rep's note that says why. */
public record Disqualification(DisqualificationReason reason, String because) {

    public Disqualification {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(because, "because");
    }

    @Override
    public String toString() {
        return reason.label() + ": " + because;
    }
}
