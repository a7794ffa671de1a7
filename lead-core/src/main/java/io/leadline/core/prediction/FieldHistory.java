package io.leadline.core.prediction;

import java.util.Map;

/**
 * When fields were filled in, where the data says so: for each field, how many resolved leads got it only after they
 * became an MQL (an import brought it later), and how many resolved leads have it at all ({@code {after, all}}).
 */
public record FieldHistory(Map<String, long[]> filledAfterMql) {

    public static final FieldHistory NONE = new FieldHistory(Map.of());

    public FieldHistory {
        filledAfterMql = Map.copyOf(filledAfterMql);
    }
}
