package io.leadline.core.queue;

import io.leadline.core.Refusal;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadSources;
import io.leadline.core.lead.LifecycleStage;
import java.time.Instant;

/**
 * Which part of the sales queue a rep looks at. {@code null} fields do not filter.
 *
 * @param scope            everyone's leads, only the viewer's, or only unassigned ones
 * @param viewer           the username that {@link Scope#MINE} means
 * @param queuedBefore     only unclaimed MQLs waiting since before this instant (the SLA filter)
 * @param minLikelihood    only leads whose stored likelihood to close is at least this percentage
 * @param order            how the leads after the hand-raisers are ranked
 * @param handRaisers      which activities make a lead a hand-raiser, and for how long ({@code null}: no hot lane)
 * @param now              the instant the hand-raisers' window ends at
 */
public record QueueFilter(
        Scope scope,
        String viewer,
        LifecycleStage stage,
        String source,
        String company,
        Instant queuedBefore,
        Integer minLikelihood,
        Order order,
        HandRaisers handRaisers,
        Instant now) {

    public enum Scope {
        ALL,
        MINE,
        UNASSIGNED
    }

    /**
     * How the queue ranks leads (after the hand-raisers' lane). Each order sorts by a key ascending, then by lead id;
     * {@link #key} is that key, which lead-persistence computes in SQL the same way (a test compares them).
     */
    public enum Order {
        /** Best fit grade first, then the highest score. */
        PRIORITY("Best fit first"),
        /** The highest score first, whatever the fit. */
        SCORE("Highest score first"),
        /** The highest stored likelihood to close first; leads without one last. */
        LIKELIHOOD("Most likely to close first"),
        /** The longest in the queue first. */
        WAITING("Longest waiting first");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The entry's sort key in this order: smaller comes first. */
        public long key(QueueEntry entry) {
            return switch (this) {
                case PRIORITY -> -(long) entry.priority();
                case SCORE -> -(long) entry.score();
                case LIKELIHOOD -> -LeadList.likelihoodKey(entry.likelihood());
                case WAITING -> entry.inQueueSince().toEpochMilli();
            };
        }
    }

    public QueueFilter(
            Scope scope, String viewer, LifecycleStage stage, String source, String company, Instant queuedBefore) {
        this(scope, viewer, stage, source, company, queuedBefore, null, Order.PRIORITY, null, null);
    }

    /** The same filter, its hand-raisers left out of the ranked list or shown alone. */
    public QueueFilter withHandRaisers(HandRaisers raisers, Instant at) {
        return new QueueFilter(scope, viewer, stage, source, company, queuedBefore, minLikelihood, order, raisers, at);
    }

    /** When a lead's latest hand-raise must be to count, or {@code null} with no hot lane. */
    public Instant handRaisedSince() {
        return handRaisers == null || handRaisers.off() ? null : handRaisers.since(now);
    }

    public QueueFilter {
        scope = scope == null ? Scope.ALL : scope;
        order = order == null ? Order.PRIORITY : order;
        if (minLikelihood != null && (minLikelihood < 0 || minLikelihood > 100)) {
            throw new Refusal("likelihood.percent", "The likelihood is a percentage from 0 to 100.");
        }
        if (stage != null && !stage.inSalesQueue()) {
            throw new IllegalArgumentException(stage.label() + " leads are not in the sales queue");
        }
        source = source == null || source.isBlank() ? null : LeadSources.key(source);
        company = blankToNull(company);
        if (handRaisers != null && now == null) {
            throw new IllegalArgumentException("the hand-raisers' window needs the current time");
        }
    }

    public static QueueFilter everything() {
        return new QueueFilter(Scope.ALL, null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
