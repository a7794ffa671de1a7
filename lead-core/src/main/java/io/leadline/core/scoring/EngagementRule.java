package io.leadline.core.scoring;

import io.leadline.core.activity.ActivityType;
import java.util.Objects;

/**
 * What the lead did: {@code pointsEach} for every activity of the type, at most {@code cap} points in all
 * (by absolute value; {@code null} for no cap), counting only the last {@code withinDays} days when set.
 * Positive points fade with the model's decay; negative ones (unsubscribe, bounce) do not.
 */
public record EngagementRule(String name, ActivityType type, int pointsEach, Integer cap, Integer withinDays) {

    public EngagementRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an engagement rule needs a name");
        }
        Objects.requireNonNull(type, "type");
        if (cap != null && cap < 0) {
            throw new IllegalArgumentException("rule '" + name + "': a cap cannot be negative");
        }
        if (withinDays != null && withinDays < 1) {
            throw new IllegalArgumentException("rule '" + name + "': the window must be at least one day");
        }
    }

    public static EngagementRule of(String name, ActivityType type, int pointsEach) {
        return new EngagementRule(name, type, pointsEach, null, null);
    }

    public EngagementRule cappedAt(int newCap) {
        return new EngagementRule(name, type, pointsEach, newCap, withinDays);
    }

    public EngagementRule within(int days) {
        return new EngagementRule(name, type, pointsEach, cap, days);
    }
}
