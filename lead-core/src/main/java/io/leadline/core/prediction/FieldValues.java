package io.leadline.core.prediction;

import java.util.Locale;
import java.util.Set;

/**
 * Categorical values made comparable before training: trimmed, lower-cased, inner whitespace collapsed; placeholders
 * that forms and CRMs write for "nothing" ({@code Select}, {@code N/A}, {@code [not provided]}, …) are missing values.
 */
public final class FieldValues {

    private static final Set<String> PLACEHOLDERS = Set.of("", "-", "--", "?", "n/a", "na", "none", "null", "nil", "unknown",
            "select", "select one", "please select", "[not provided]", "not provided", "(not set)", "undefined");

    private FieldValues() {
    }

    /** The normalised value, or {@code null} when it says nothing. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.contains(value) ? null : value;
    }
}
