package io.leadline.core.queue;

import io.leadline.core.lead.LifecycleStage;
import java.time.Instant;

/**
 * Which part of the sales queue a rep looks at. {@code null} fields do not filter.
 *
 * @param scope            everyone's leads, only the viewer's, or only unassigned ones
 * @param viewer           the username that {@link Scope#MINE} means
 * @param queuedBefore     only unclaimed MQLs waiting since before this instant (the SLA filter)
 * @param minLikelihood    only leads whose stored likelihood to close is at least this percentage
 * @param order            hand-raisers first (priority), or most likely to close first
 */
public record QueueFilter(Scope scope, String viewer, LifecycleStage stage, String source, String company,
                          Instant queuedBefore, Integer minLikelihood, Order order) {

    public enum Scope { ALL, MINE, UNASSIGNED }

    public enum Order { PRIORITY, LIKELIHOOD }

    public QueueFilter(Scope scope, String viewer, LifecycleStage stage, String source, String company, Instant queuedBefore) {
        this(scope, viewer, stage, source, company, queuedBefore, null, Order.PRIORITY);
    }

    public QueueFilter {
        scope = scope == null ? Scope.ALL : scope;
        order = order == null ? Order.PRIORITY : order;
        if (minLikelihood != null && (minLikelihood < 0 || minLikelihood > 100)) {
            throw new IllegalArgumentException("The likelihood is a percentage from 0 to 100.");
        }
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
