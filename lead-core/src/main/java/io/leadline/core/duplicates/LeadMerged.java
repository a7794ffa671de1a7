package io.leadline.core.duplicates;

import java.time.Instant;
import java.util.List;

/**
 * Two leads were found to be one person: {@code mergedId} is gone, its history is the survivor's, and its id answers
 * with the survivor's.
 *
 * @param merged      what the merged lead was ("Ana Souza, MQL"), for the audit trail
 * @param fieldsTaken the profile fields the survivor took from the merged lead
 */
public record LeadMerged(
        long survivorId, long mergedId, String merged, List<String> fieldsTaken, String by, Instant at) {

    public LeadMerged {
        fieldsTaken = List.copyOf(fieldsTaken);
    }

    /** "lead 7 (Ana Souza, MQL) merged into it; fields taken from it: job_title" */
    public String describe() {
        return "lead " + mergedId + " (" + merged + ") merged into it"
                + (fieldsTaken.isEmpty() ? "" : "; fields taken from it: " + String.join(", ", fieldsTaken));
    }
}
