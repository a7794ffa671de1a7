package io.leadline.core.tracking;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A lead's visits to the tracked websites: the pages they read, newest first, and how many sessions those make — a
 * session ends after {@link #SESSION_GAP} without a page view, as web analytics counts them.
 */
public record WebsiteVisits(List<PageView> pages, int sessions, Duration timeOnSite) {

    public static final Duration SESSION_GAP = Duration.ofMinutes(30);

    public static WebsiteVisits of(List<PageView> views) {
        List<PageView> oldestFirst =
                views.stream().sorted(Comparator.comparing(PageView::at)).toList();
        int sessions = 0;
        Duration time = Duration.ZERO;
        PageView previous = null;
        for (PageView view : oldestFirst) {
            if (previous == null || Duration.between(previous.at(), view.at()).compareTo(SESSION_GAP) > 0) {
                sessions++;
            }
            if (view.timeOnPage() != null) {
                time = time.plus(view.timeOnPage());
            }
            previous = view;
        }
        return new WebsiteVisits(oldestFirst.reversed(), sessions, time);
    }

    /** The time the pages were in view, as the lead page says it. */
    public String timeInView() {
        return duration(timeOnSite);
    }

    public boolean none() {
        return pages.isEmpty();
    }

    /** "3 min 20 s", "45 s", "—" for a page nobody has left yet. */
    public static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
