package io.leadline.core.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The websites registered for tracking. Implemented by lead-persistence. */
public interface TrackedSites {

    /** A site as an admin describes it; key and secret are made by the caller. */
    record NewSite(String name, SiteOrigins origins, boolean consentRequired, boolean honourPrivacySignals) {}

    long add(NewSite site, String siteKey, String secret, String by, Instant at);

    void update(long id, NewSite site);

    List<TrackedSite> all();

    Optional<TrackedSite> byId(long id);

    Optional<TrackedSite> byKey(String siteKey);
}
