package io.leadline.core.tracking;

import java.time.Instant;
import java.util.List;

/**
 * A website that pastes the tracking snippet: where it may send hits from (its origins), whether its visitors must
 * consent before anything is sent, and whether a browser's Global Privacy Control or Do-Not-Track turns tracking off.
 * {@code siteKey} names the site in the snippet and grants nothing; {@code secret} signs its visitor ids and checks
 * the identify tokens its own server makes.
 */
public record TrackedSite(
        long id,
        String name,
        String siteKey,
        SiteOrigins origins,
        boolean consentRequired,
        boolean honourPrivacySignals,
        String secret,
        String createdBy,
        Instant createdAt) {

    public List<String> originList() {
        return origins.list();
    }
}
