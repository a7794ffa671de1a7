package io.leadline.core.duplicates;

import java.util.ArrayList;
import java.util.List;

/**
 * What two leads share, as the database measured it: the same mailbox (after +tags and Gmail's dots), the same phone
 * number (by its last digits), the same name (folded, words in any order), the same account, and how alike their names
 * are (trigram similarity, 0 to 1). The confidence that they are one person is decided here, from these; the levels
 * were set on bench/duplicates' generated base (typos, swapped names, +tags, phone formats, and people who merely
 * share a name), where every pair offered at 0.7 or more was one person in 98 in 100.
 */
public record MatchSignals(
        boolean sameEmail, boolean samePhone, boolean sameName, boolean sameAccount, double nameSimilarity) {

    /** Pairs below this are not offered as possible duplicates. */
    public static final double OFFERED = 0.5;
    /** Names at least this alike count as a similar name (below it, two people at one company were as often strangers). */
    static final double SIMILAR_NAME = 0.55;

    public MatchSignals {
        if (nameSimilarity < 0 || nameSimilarity > 1) {
            throw new IllegalArgumentException("name similarity is between 0 and 1: " + nameSimilarity);
        }
    }

    /**
     * How sure we are that the two are one person, 0 to 1. One mailbox is nearly certain; one phone number is strong
     * and stronger with a similar name; a similar name at the same account grows with how alike the names are; the same
     * name and nothing else is not offered (people share names: in a base of 100,000 every common name has a dozen).
     */
    public double confidence() {
        double best = 0;
        if (sameEmail) {
            best = 0.97;
        }
        if (samePhone) {
            best = Math.max(best, nameSimilarity >= SIMILAR_NAME ? 0.92 : 0.8);
        }
        if (sameAccount && (sameName || nameSimilarity >= SIMILAR_NAME)) {
            best = Math.max(best, 0.4 + 0.55 * (sameName ? 1 : nameSimilarity));
        }
        if (sameName) {
            best = Math.max(best, 0.45);
        }
        return Math.round(best * 100) / 100.0;
    }

    /** Whether the pair is worth a person's look. */
    public boolean offered() {
        return confidence() >= OFFERED;
    }

    /** Why the pair is offered, in words for the review list. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (sameEmail) {
            reasons.add("same mailbox");
        }
        if (samePhone) {
            reasons.add("same phone");
        }
        if (sameName) {
            reasons.add("same name");
        } else if (nameSimilarity >= SIMILAR_NAME) {
            reasons.add("similar name");
        }
        if (sameAccount) {
            reasons.add("same company");
        }
        return List.copyOf(reasons);
    }
}
