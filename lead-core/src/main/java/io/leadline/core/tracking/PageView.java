package io.leadline.core.tracking;

import java.time.Duration;
import java.time.Instant;

/** One page a visitor read: when it loaded, and how long it was in view ({@code null} until the page was hidden). */
public record PageView(Instant at, String url, String title, Duration timeOnPage) {

    /** "1 min 5 s" in view; "—" while the page was never hidden. */
    public String inView() {
        return WebsiteVisits.duration(timeOnPage);
    }

    /** The page's path and query, without the site's origin: what a marketer recognises. */
    public String path() {
        if (url == null) {
            return "";
        }
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        return scheme < 0 ? url : slash < 0 ? "/" : url.substring(slash);
    }
}
