package io.leadline.core.queue;

import java.util.List;

/**
 * MQLs, accepted leads and SQLs ranked for sales: best priority first, then the longest waiting.
 * Implemented by lead-persistence.
 */
public interface SalesQueue {

    /** Up to {@code size} entries after {@code after} ({@code null} for the first page). */
    default List<QueueEntry> page(QueuePosition after, int size) {
        return page(QueueFilter.everything(), after, size);
    }

    List<QueueEntry> page(QueueFilter filter, QueuePosition after, int size);

    /**
     * The companies of the first {@code queueDepth} queue entries, each with all its contacts still in play
     * (not disqualified or lost), for the account view.
     */
    List<AccountGroup> accounts(int queueDepth);

    /** One company's contacts as the account view needs them. */
    record AccountGroup(String company, List<io.leadline.core.account.AccountMember> members) {
    }
}
