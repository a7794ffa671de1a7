package io.leadline.core.lead;

import java.util.List;

/**
 * The traffic sources marketers pick from (the channels of the Olist funnel). A lead may carry any other
 * source an import brings; these are the ones offered in forms.
 */
public final class LeadSources {

    public static final List<String> STANDARD = List.of(
            "paid_search",
            "organic_search",
            "direct_traffic",
            "referral",
            "social",
            "display",
            "email",
            "other_publicities",
            "other",
            "unknown");

    private LeadSources() {}

    /**
     * The source as stored and compared: case, spaces, underscores and hyphens folded ({@link FieldKey#foldValue}),
     * so {@code Organic Search}, {@code organic-search} and {@code organic_search} are one source in reports,
     * filters and rules.
     */
    public static String key(String source) {
        return FieldKey.foldValue(source);
    }
}
