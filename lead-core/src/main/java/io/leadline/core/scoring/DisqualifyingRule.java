package io.leadline.core.scoring;

import io.leadline.core.qualification.DisqualificationReason;
import java.util.Objects;

/**
 * A fact that rules a lead out (a competitor's address, a student): the lead is disqualified with the
 * reason instead of merely losing points.
 */
public record DisqualifyingRule(String name, LeadCondition when, DisqualificationReason reason) {

    public DisqualifyingRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a disqualifying rule needs a name");
        }
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(reason, "reason");
    }
}
