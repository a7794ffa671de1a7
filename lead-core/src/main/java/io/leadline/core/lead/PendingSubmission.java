package io.leadline.core.lead;

import java.time.Instant;

/**
 * A public-form submission for a known lead's email, sent from a browser that is not that lead's: anyone can type an
 * address, so it changes nothing until a marketer accepts it.
 *
 * @param profile what the form said (email the lead's)
 */
public record PendingSubmission(long id, long leadId, String campaign, Instant submittedAt, LeadProfile profile) {}
