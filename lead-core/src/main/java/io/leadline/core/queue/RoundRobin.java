package io.leadline.core.queue;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Who gets the next new MQL: among reps in the rotation with room under their capacity, the one who was given a lead
 * longest ago (never beats ever), then by name. Over time every rep with room gets one in turn.
 */
public final class RoundRobin {

    private RoundRobin() {}

    public static Optional<String> nextRep(Collection<RepLoad> reps) {
        return reps.stream()
                .filter(r -> r.inRotation() && r.hasRoom())
                .min(Comparator.comparing(
                                RepLoad::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .thenComparing(RepLoad::username))
                .map(RepLoad::username);
    }
}
