package io.leadline.web.tracking;

import io.leadline.core.tracking.TrackedSite;
import io.leadline.core.tracking.TrackedSites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The registered sites by key, as the collect endpoint asks for them thousands of times a second: read from the
 * database at most every {@link #FRESH} per key (so a change made on another instance is seen within that), and at
 * once after a change made here.
 */
@Component
class SiteDirectory {

    static final Duration FRESH = Duration.ofSeconds(30);
    private static final int MAX_KEYS = 10_000;

    private record Entry(Optional<TrackedSite> site, Instant read) {}

    private final TrackedSites sites;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    SiteDirectory(TrackedSites sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    Optional<TrackedSite> byKey(String key) {
        if (key == null || !key.matches("site_[a-z0-9]{1,32}")) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Entry entry = entries.get(key);
        if (entry == null || entry.read().plus(FRESH).isBefore(now)) {
            if (entries.size() > MAX_KEYS) {
                entries.clear();
            }
            entry = new Entry(sites.byKey(key), now);
            entries.put(key, entry);
        }
        return entry.site();
    }

    void changed() {
        entries.clear();
    }
}
