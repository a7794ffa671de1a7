package io.leadline.core.queue;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * MQLs, accepted leads and SQLs ranked for sales: the hand-raisers first, the most recent first; then the rest in the
 * order the admin chose.
 * Implemented by lead-persistence.
 */
public interface SalesQueue {

    /** Up to {@code size} entries after {@code after} ({@code null} for the first page). */
    default List<QueueEntry> page(QueuePosition after, int size) {
        return page(QueueFilter.everything(), after, size);
    }

    /** Up to {@code size} entries after {@code after}, in the filter's order. */
    default List<QueueEntry> page(QueueFilter filter, QueuePosition after, int size) {
        return page(filter, Set.of(), after, size);
    }

    /**
     * Up to {@code size} entries after {@code after}, in the filter's order, without the leads {@code shownAbove} (the
     * hand-raisers' lane, {@link #handRaisers}, which the page shows above the ranked list).
     */
    List<QueueEntry> page(QueueFilter filter, Collection<Long> shownAbove, QueuePosition after, int size);

    /**
     * How many entries the filter selects (its order aside), counted up to {@code cap} at most: a page that says "more
     * than 10,000" need not count a million.
     */
    long countUpTo(QueueFilter filter, long cap);

    /** The hand-raisers among the leads the filter selects, the most recent hand-raise first; none without a window. */
    List<QueueEntry> handRaisers(QueueFilter filter, int size);
}
