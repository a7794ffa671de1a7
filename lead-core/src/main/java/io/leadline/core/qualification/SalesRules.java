package io.leadline.core.qualification;

import java.time.Instant;
import java.util.List;

/**
 * The sales rules admins set: the response-time SLA, the BANT policy a lead must meet for SQL, and the reasons reps
 * choose from when they disqualify. Until an admin saves them, the policy is {@link BantPolicy#standard()} and the SLA
 * the configured default. Implemented by lead-persistence.
 */
public interface SalesRules {

    int slaHours();

    BantPolicy bantPolicy();

    /** Saves the SLA (see {@link io.leadline.core.queue.ResponseSla#hours(int)} for its range) and the BANT policy. */
    void save(int slaHours, BantPolicy policy, String by, Instant at);

    /** The reasons reps choose from, in order (retired ones are kept for the report but not offered). */
    List<DisqualificationReason> reasons();

    /** Every reason, retired ones too. */
    List<DisqualificationReason> allReasons();

    /** Adds a reason, or brings a retired one back with this label. */
    void addReason(DisqualificationReason reason);

    /** Stops offering a reason; leads disqualified with it keep it. */
    void retireReason(String code);
}
