package io.leadline.core.lead;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored leads. Implemented by lead-persistence. */
public interface Leads {

    /** Stores a new lead or the changes to one; fails when another writer changed it first. */
    Lead save(Lead lead);

    Optional<Lead> byId(long id);

    /** Who owns a lead, and the name to show for it. */
    record Owned(long leadId, String owner, String displayName) {}

    /** The owned ones among these leads, by id, read in one query (listeners of a batch's events ask for many). */
    Map<Long, Owned> owned(Collection<Long> ids);

    /** The lead with this email address, if any. */
    Optional<Long> idWithEmail(EmailAddress email);

    /** Stores the lead as a move left it and records the move in its history, in one transaction; answers the stored lead. */
    Lead apply(Lead.Transition transition);

    /** Appends a lifecycle move to the lead's stage history. */
    void recordStageChange(long leadId, StageChange change);

    /** The lead's stage history, oldest first. */
    List<StageChange> history(long leadId);
}
