package io.leadline.core.scoring;

import java.util.Objects;

/** Who the lead is: when the condition holds, the rule adds its points (negative for a poor fit). */
public record FitRule(String name, LeadCondition when, int points) {

    public FitRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a fit rule needs a name");
        }
        Objects.requireNonNull(when, "when");
    }
}
