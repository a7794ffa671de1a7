package io.leadline.core.queue;

/** A place in the sales queue (keyset pagination: the next page starts after it). */
public record QueuePosition(int priority, long leadId) {
}
