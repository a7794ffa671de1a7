package io.leadline.core.queue;

import java.util.List;

/** MQLs, accepted leads and SQLs ranked for sales: best priority first. Implemented by lead-persistence. */
public interface SalesQueue {

    /** Up to {@code size} entries after {@code after} ({@code null} for the first page). */
    List<QueueEntry> page(QueuePosition after, int size);
}
