package io.leadline.core.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * A lead was given to a rep (by a rule, round-robin or an admin); {@code because} says how, {@code by} who acted (the
 * admin, or the system for a rule or the rotation).
 */
public record LeadAssigned(long leadId, String leadName, String rep, String because, String by, Instant at) {

    public LeadAssigned {
        Objects.requireNonNull(rep, "rep");
        Objects.requireNonNull(at, "at");
    }
}
