package io.leadline.core.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Hits from the tracking snippet and the visitors they came from. Implemented by lead-persistence. */
public interface WebsiteHits {

    /** One hit as the collect endpoint accepted it. */
    record Hit(
            long siteId,
            UUID visitor,
            Instant at,
            HitKind kind,
            String pageView,
            String url,
            String title,
            String referrer,
            String utmSource,
            String utmMedium,
            String utmCampaign,
            Integer millis,
            String eventKey) {}

    /** Stores the hits; answers the lead of each of their visitors already attached to one. */
    Map<UUID, Long> store(List<Hit> hits);

    /**
     * Attaches a visitor of the site to a lead if no lead has it yet, and answers the history to record on the lead
     * (page views and events, oldest first); empty when the visitor belongs to another lead already.
     */
    Optional<List<Hit>> stitch(long siteId, UUID visitor, long leadId, Instant at);

    /** The pages the lead's visitors read, newest first, each with its time in view. */
    List<PageView> pagesOf(long leadId, int limit);

    /** The months of hits kept (one partition each): this month's and the next are made ahead. */
    void prepareMonths(Instant now);

    /** Drops the hits of every month older than {@code months} months before {@code now}'s; answers the months dropped. */
    List<String> dropMonthsBefore(int months, Instant now);
}
