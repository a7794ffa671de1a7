package io.leadline.core.queue;

import java.time.Instant;

/**
 * A sales rep's open leads against their capacity, when they were last given a lead, and whether they take part in the
 * round-robin rotation (assignment rules may name a rep who does not).
 */
public record RepLoad(String username, int capacity, int openLeads, Instant lastAssignedAt, boolean inRotation) {

    /** A rep in the rotation. */
    public RepLoad(String username, int capacity, int openLeads, Instant lastAssignedAt) {
        this(username, capacity, openLeads, lastAssignedAt, true);
    }

    public boolean hasRoom() {
        return openLeads < capacity;
    }

    /** The load after the rep was given one more lead at {@code at}. */
    public RepLoad given(Instant at) {
        return new RepLoad(username, capacity, openLeads + 1, at, inRotation);
    }
}
