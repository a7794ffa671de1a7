package io.leadline.core.queue;

import java.time.Instant;

/** A sales rep's open leads against their capacity, and when they were last given a lead. */
public record RepLoad(String username, int capacity, int openLeads, Instant lastAssignedAt) {

    public boolean hasRoom() {
        return openLeads < capacity;
    }
}
