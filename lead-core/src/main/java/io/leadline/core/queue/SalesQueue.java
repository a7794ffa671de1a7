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
     * The accounts of the first {@code queueDepth} queue entries, for the account view. Of each account's contacts
     * still in play (not disqualified or lost) it brings what {@link io.leadline.core.account.AccountScore#rollUp}
     * reads — the best-scored contact and every contact with at least {@code engagedAt} engagement points — and
     * how many there are in all: an account with thousands of sign-ups does not send them all.
     */
    List<AccountGroup> accounts(int queueDepth, int engagedAt);

    /** One account's contacts as the account view needs them: the ones that count for its score, and how many in all. */
    record AccountGroup(String company, int contacts, List<io.leadline.core.account.AccountMember> members) {
    }
}
