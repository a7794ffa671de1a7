package io.leadline.core.queue;

import io.leadline.core.lead.LifecycleStage;
import java.time.Instant;

/**
 * Which part of the sales queue a rep looks at. {@code null} fields do not filter.
 *
 * @param scope            everyone's leads, only the viewer's, or only unassigned ones
 * @param viewer           the username that {@link Scope#MINE} means
 * @param queuedBefore     only unclaimed MQLs waiting since before this instant (the SLA filter)
 */
public record QueueFilter(Scope scope, String viewer, LifecycleStage stage, String source, String company,
                          Instant queuedBefore) {

    public enum Scope { ALL, MINE, UNASSIGNED }

    public QueueFilter {
        scope = scope == null ? Scope.ALL : scope;
        if (stage != null && !stage.inSalesQueue()) {
            throw new IllegalArgumentException(stage.label() + " leads are not in the sales queue");
        }
        source = source == null || source.isBlank() ? null : io.leadline.core.lead.LeadSources.key(source);
        company = blankToNull(company);
    }

    public static QueueFilter everything() {
        return new QueueFilter(Scope.ALL, null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
