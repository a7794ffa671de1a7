package io.leadline.core.queue;

import java.time.Instant;
import java.util.List;

/** The active sales reps and how loaded they are. Implemented by lead-persistence. */
public interface SalesReps {

    /** Every active rep with their open leads (owned and not yet won, lost or disqualified). */
    List<RepLoad> loads();

    /** Whether the rep takes part in the round-robin rotation. */
    void setInRotation(String username, boolean inRotation);

    /**
     * What the assignment rules read of these leads (source, country, score, and the rep who owns another open lead of
     * the same account, if any), in the order given; leads that no longer exist are left out.
     */
    List<AssignmentRule.NewMql> newMqls(List<Long> leadIds);

    /** The unassigned MQLs waiting longest, up to {@code limit}: what the rules preview routes. */
    List<AssignmentRule.NewMql> unassignedMqls(int limit);

    /**
     * Takes the round-robin rotation for the caller's transaction: one assignment at a time, on every instance, so
     * two leads arriving together never both go to the rep who was next, nor past a rep's capacity.
     */
    void lockRotation();

    /** Remembers that the rep was just given a lead, for the round-robin rotation. */
    void assigned(String username, Instant at);

    /** Unclaimed MQLs whose SLA clock started between the two instants, oldest first. */
    List<SlaWatch.WaitingMql> waitingMqls(Instant queuedAfter, Instant queuedBefore, int limit);
}
