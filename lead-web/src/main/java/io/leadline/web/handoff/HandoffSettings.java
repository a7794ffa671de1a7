package io.leadline.web.handoff;

import io.leadline.core.Refusal;
import io.leadline.core.audit.AuditAction;
import io.leadline.core.queue.AssignmentRule;
import io.leadline.core.queue.HandoffPolicy;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import io.leadline.web.audit.Audit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's hand-off settings: the policy, the ordered assignment rules and who takes part in the rotation; all audited. */
@Service
class HandoffSettings {

    private final HandoffRules rules;
    private final SalesReps reps;
    private final Audit audit;
    private final Clock clock;

    HandoffSettings(HandoffRules rules, SalesReps reps, Audit audit, Clock clock) {
        this.rules = rules;
        this.reps = reps;
        this.audit = audit;
        this.clock = clock;
    }

    HandoffPolicy policy() {
        return rules.policy();
    }

    List<AssignmentRule> assignmentRules() {
        return rules.assignmentRules();
    }

    List<RepLoad> reps() {
        return reps.loads();
    }

    @Transactional
    void save(HandoffPolicy policy, String admin) {
        rules.save(policy, admin, Instant.now(clock));
        audit.record(
                admin,
                AuditAction.SETTINGS_CHANGED,
                "hand-off",
                "hand-raisers " + policy.handRaisers().typesText()
                        + " within " + policy.handRaisers().days() + " days; then "
                        + policy.order().label().toLowerCase()
                        + "; round-robin " + (policy.roundRobin() ? "on" : "off") + "; SLA counts "
                        + (policy.workingHours() == null
                                ? "every hour"
                                : "working hours " + policy.workingHours().describe())
                        + "; reps warned "
                        + (policy.slaWarningMinutes() == null
                                ? "at three quarters of it"
                                : policy.slaWarningMinutes() + " minutes before it runs out"));
    }

    /** Adds a rule at the end; its rep must be an active sales rep. */
    @Transactional
    void add(AssignmentRule rule, String admin) {
        if (rule.rep() != null
                && reps.loads().stream().noneMatch(r -> r.username().equals(rule.rep()))) {
            throw new Refusal("rep.inactive", rule.rep() + " is not an active sales rep.", rule.rep());
        }
        List<AssignmentRule> changed = new ArrayList<>(rules.assignmentRules());
        changed.add(rule);
        store(changed, admin, "added rule " + changed.size() + ": " + rule.describe());
    }

    /** Removes rule {@code position} (1-based); false if there is none. */
    @Transactional
    boolean remove(int position, String admin) {
        List<AssignmentRule> changed = new ArrayList<>(rules.assignmentRules());
        if (position < 1 || position > changed.size()) {
            return false;
        }
        AssignmentRule removed = changed.remove(position - 1);
        store(changed, admin, "removed rule " + position + ": " + removed.describe());
        return true;
    }

    /** Moves rule {@code position} one place up, to be tried earlier; false if it is the first or none. */
    @Transactional
    boolean moveUp(int position, String admin) {
        List<AssignmentRule> changed = new ArrayList<>(rules.assignmentRules());
        if (position < 2 || position > changed.size()) {
            return false;
        }
        changed.add(position - 2, changed.remove(position - 1));
        store(
                changed,
                admin,
                "moved rule " + position + " up: " + changed.get(position - 2).describe());
        return true;
    }

    @Transactional
    void setInRotation(String rep, boolean inRotation, String admin) {
        if (reps.loads().stream().noneMatch(r -> r.username().equals(rep))) {
            throw new Refusal("rep.inactive", rep + " is not an active sales rep.", rep);
        }
        reps.setInRotation(rep, inRotation);
        audit.record(
                admin,
                AuditAction.SETTINGS_CHANGED,
                "user " + rep,
                inRotation ? "takes part in round-robin" : "left out of round-robin");
    }

    private void store(List<AssignmentRule> changed, String admin, String what) {
        rules.saveAssignmentRules(changed, admin, Instant.now(clock));
        audit.record(admin, AuditAction.SETTINGS_CHANGED, "assignment rules", what);
    }
}
