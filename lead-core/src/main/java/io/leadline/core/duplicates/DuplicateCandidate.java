package io.leadline.core.duplicates;

/**
 * A possible duplicate of a lead: the other lead, the name to show for it, and what the two share.
 *
 * @param leadId  the lead looked at (in a review list, the lower id of the pair)
 * @param otherId its possible duplicate
 */
public record DuplicateCandidate(long leadId, String leadName, long otherId, String otherName, MatchSignals signals) {

    public double confidence() {
        return signals.confidence();
    }

    /** The confidence as a whole percentage, for pages. */
    public int percent() {
        return (int) Math.round(confidence() * 100);
    }
}
