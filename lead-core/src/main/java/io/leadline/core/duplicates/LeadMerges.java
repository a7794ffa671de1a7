package io.leadline.core.duplicates;

import java.time.Instant;
import java.util.Optional;

/** The storage side of a merge. Implemented by lead-persistence. */
public interface LeadMerges {

    /**
     * Moves everything that belongs to {@code mergedId} (activities, stage history, BANT answers the survivor has not
     * given, notes, tracked visitors, inbox items, held submissions, import history, deliveries) to {@code survivorId},
     * deletes the merged lead and makes its id (and any id merged into it before) answer with the survivor's. Runs in
     * the caller's transaction; the survivor's profile is the caller's to save.
     */
    void move(long survivorId, long mergedId, String by, Instant at);

    /** The lead a merged id now answers with, if the id was merged. */
    Optional<Long> survivorOf(long mergedId);
}
