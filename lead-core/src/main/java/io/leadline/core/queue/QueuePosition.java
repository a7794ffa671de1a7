package io.leadline.core.queue;

/**
 * A place in the sales queue (keyset pagination: the next page starts after it): the entry's sort key in the queue's
 * order ({@link QueueFilter.Order#key}) and its lead id.
 */
public record QueuePosition(long key, long leadId) {}
