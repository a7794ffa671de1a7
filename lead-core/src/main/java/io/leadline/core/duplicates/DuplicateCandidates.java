package io.leadline.core.duplicates;

import java.time.Instant;
import java.util.List;

/** Finding possible duplicates, and remembering the pairs a person said are two people. Implemented by lead-persistence. */
public interface DuplicateCandidates {

    /** The lead's possible duplicates now (not a stored scan's), most likely first, dismissed pairs left out. */
    List<DuplicateCandidate> of(long leadId);

    /**
     * The stored leads a lead not saved yet may duplicate, from what a person typed (any part may be blank), most likely
     * first; the candidates' {@code leadId} is 0.
     */
    List<DuplicateCandidate> like(String email, String fullName, String company, String phone);

    /** One page of the last scan's pairs over the whole base, most likely first, dismissed and merged pairs left out. */
    List<DuplicateCandidate> review(int offset, int limit);

    /** How many pairs {@link #review} has in all. */
    long reviewable();

    /**
     * Scans every lead for possible duplicates and stores the pairs worth a look (replacing the last scan's); answers
     * how many were stored.
     */
    long scan(Instant at);

    /** "Not a duplicate": the pair is never offered again. */
    void dismiss(long leadId, long otherId, String by, Instant at);
}
