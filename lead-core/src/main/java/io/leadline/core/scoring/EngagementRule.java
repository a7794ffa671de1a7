package io.leadline.core.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the lead did: {@code pointsEach} for every activity of the type, at most {@code cap} points in all
 * (by absolute value; {@code null} for no cap), counting only the last {@code withinDays} days when set, and only the
 * pages matching {@code pages} when set — a pattern of the page's path where {@code *} stands for anything
 * ({@code /pricing*}, {@code /docs/*}, {@code *webinar*}), compared without regard to case.
 * Positive points fade with the model's decay; negative ones (unsubscribe, bounce) do not.
 */
public record EngagementRule(
        String name, ActivityType type, int pointsEach, Integer cap, Integer withinDays, String pages) {

    public static final int MAX_PATTERN = 200;

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
        pages = pages == null || pages.isBlank() ? null : pages.strip();
        if (pages != null && (pages.length() > MAX_PATTERN || pages.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("rule '" + name + "': a page pattern is one path of at most "
                    + MAX_PATTERN + " characters, like /pricing* (no spaces)");
        }
    }

    public EngagementRule(String name, ActivityType type, int pointsEach, Integer cap, Integer withinDays) {
        this(name, type, pointsEach, cap, withinDays, null);
    }

    public static EngagementRule of(String name, ActivityType type, int pointsEach) {
        return new EngagementRule(name, type, pointsEach, null, null, null);
    }

    public EngagementRule cappedAt(int newCap) {
        return new EngagementRule(name, type, pointsEach, newCap, withinDays, pages);
    }

    public EngagementRule within(int days) {
        return new EngagementRule(name, type, pointsEach, cap, days, pages);
    }

    public EngagementRule onPages(String pattern) {
        return new EngagementRule(name, type, pointsEach, cap, withinDays, pattern);
    }

    /** Whether the activity counts for this rule: its type, and its page when the rule names pages. */
    public boolean counts(Activity activity) {
        return activity.type().equals(type) && (pages == null || pageMatches(activity.detail()));
    }

    private boolean pageMatches(String detail) {
        if (detail == null) {
            return false;
        }
        String url = detail.split(" ", 2)[0];
        String path = url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "");
        String regex = Arrays.stream(pages.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return CompiledPatterns.of(regex).matcher(path.isEmpty() ? "/" : path).matches();
    }
}
