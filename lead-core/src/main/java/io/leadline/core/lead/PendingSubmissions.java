package io.leadline.core.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Held public-form submissions (a port: lead-persistence stores them). */
public interface PendingSubmissions {

    long hold(long leadId, String campaign, Instant submittedAt, LeadProfile profile);

    /** The lead's submissions nobody decided on yet, oldest first. */
    List<PendingSubmission> open(long leadId);

    /**
     * Decides an open submission of the lead, once: answers it when this call decided it, empty when it is not the
     * lead's, unknown or decided already (by someone else at the same moment, say).
     */
    Optional<PendingSubmission> decide(long id, long leadId, boolean accepted, String by, Instant at);
}
