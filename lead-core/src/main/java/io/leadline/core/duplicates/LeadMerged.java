package io.leadline.core.duplicates;

import java.time.Instant;
import java.util.List;

/**
 * Two leads were found to be one person: {@code mergedId} is gone, its history is the survivor's, and its id answers
 * with the survivor's.
 *
 * @param fieldsTaken the profile fields the survivor took from the merged lead
 */
public record LeadMerged(long survivorId, long mergedId, List<String> fieldsTaken, String by, Instant at) {

    public LeadMerged {
        fieldsTaken = List.copyOf(fieldsTaken);
    }
}
