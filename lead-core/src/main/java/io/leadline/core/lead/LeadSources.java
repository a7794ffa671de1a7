package io.leadline.core.lead;

import java.util.List;

/**
 * The traffic sources marketers pick from (the channels of the Olist funnel). A lead may carry any other
 * source an import brings; these are the ones offered in forms.
 */
public final class LeadSources {

    public static final List<String> STANDARD = List.of("paid_search", "organic_search", "direct_traffic", "referral",
            "social", "display", "email", "other_publicities", "other", "unknown");

    private LeadSources() {
    }
}
