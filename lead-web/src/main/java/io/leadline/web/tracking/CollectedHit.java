package io.leadline.web.tracking;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A hit as the snippet posts it (short names keep beacons small): {@code k} kind (page_view, page_time, event,
 * identify), {@code v} signed visitor id (or {@code pid}, the random id the snippet made before it had one), {@code pv} page-view id, {@code url}, {@code title}, {@code ref} referrer,
 * {@code ms} time in view, {@code e} event key, {@code c} consent given, and the identify call's email and token.
 */
record CollectedHit(
        String k,
        String v,
        String pid,
        String pv,
        String url,
        String title,
        String ref,
        Long ms,
        String e,
        Integer c,
        String email,
        String token,
        @JsonProperty("utm_source") String utmSource,
        @JsonProperty("utm_medium") String utmMedium,
        @JsonProperty("utm_campaign") String utmCampaign) {}
