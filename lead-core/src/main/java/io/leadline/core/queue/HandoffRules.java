package io.leadline.core.queue;

import java.time.Instant;
import java.util.List;

/** The hand-off settings admins keep: the {@link HandoffPolicy} and the ordered assignment rules. Implemented by lead-persistence. */
public interface HandoffRules {

    HandoffPolicy policy();

    void save(HandoffPolicy policy, String by, Instant at);

    /** The assignment rules in the order they are tried. */
    List<AssignmentRule> assignmentRules();

    /** Replaces the assignment rules with these, in this order. */
    void saveAssignmentRules(List<AssignmentRule> rules, String by, Instant at);
}
