package io.leadline.core.tracking;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** What a hit from the snippet reports: a page loaded, the time a page was in view, or an event the site named. */
public enum HitKind {
    PAGE_VIEW,
    PAGE_TIME,
    EVENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HitKind of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /**
     * What the hit is on a lead's record: a page view is a page visit (a pricing-page visit when the page is one), an
     * event is an activity of the event's key; time on a page is no activity of its own.
     */
    public static Optional<Activity> activity(WebsiteHits.Hit hit) {
        Instant at = hit.at();
        return switch (hit.kind()) {
            case PAGE_VIEW -> Optional.of(new Activity(ActivityType.tracked("page_visit", hit.url()), at, hit.url()));
            case EVENT -> Optional.of(new Activity(new ActivityType(hit.eventKey()), at, hit.url()));
            case PAGE_TIME -> Optional.empty();
        };
    }
}
