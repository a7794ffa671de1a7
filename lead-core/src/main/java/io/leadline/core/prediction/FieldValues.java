package io.leadline.core.prediction;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.Placeholders;

/**
 * Categorical values made comparable before training: folded as rules compare them ({@link FieldKey#foldValue}:
 * case, spaces, underscores and hyphens), and the {@link Placeholders} that forms and CRMs write for "nothing"
 * ({@code Select}, {@code N/A}, {@code [not provided]}, …) are missing values.
 */
public final class FieldValues {

    private FieldValues() {}

    /** The normalised value, or {@code null} when it says nothing. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank() || Placeholders.is(raw)) {
            return null;
        }
        return FieldKey.foldValue(raw);
    }
}
