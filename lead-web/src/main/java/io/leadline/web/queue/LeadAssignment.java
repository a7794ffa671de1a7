package io.leadline.web.queue;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.StageChange;
import io.leadline.core.queue.AssignmentRule;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.LeadAssigned;
import io.leadline.core.queue.LeadRouting;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives leads to reps: each new MQL, whichever way it became one ({@link NewMqlsToReps}), by the admin's assignment
 * rules and round-robin ({@link LeadRouting}); and any lead by an admin's choice. Every assignment is audited (from its event) with the
 * rule that made it.
 */
@Service
public class LeadAssignment {

    private final Leads leads;
    private final SalesReps reps;
    private final HandoffRules handoff;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LeadAssignment(Leads leads, SalesReps reps, HandoffRules handoff, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.leads = leads;
        this.reps = reps;
        this.handoff = handoff;
        this.clock = clock;
    }

    /**
     * The new MQLs go to reps as the rules and the rotation say: each lead still an MQL that nobody owns, in turn, until
     * no rep has room. A lead claimed or assigned meanwhile, or delivered a second time, is left as it is. One
     * rotation at a time (see {@link SalesReps#lockRotation()}), so two instances never pass a rep's capacity.
     */
    @Transactional
    public void assignNewMqls(List<Long> leadIds) {
        LeadRouting routing = routing();
        if (!routing.roundRobin() && routing.rules().isEmpty()) {
            return;
        }
        reps.lockRotation();
        for (AssignmentRule.NewMql facts : reps.newMqls(leadIds)) {
            Lead lead = leads.byId(facts.leadId()).orElse(null);
            if (lead == null || lead.stage() != LifecycleStage.MQL || lead.owner() != null) {
                continue;
            }
            List<RepLoad> loads = reps.loads();
            if (loads.stream().noneMatch(RepLoad::hasRoom)) {
                return;
            }
            Optional<LeadRouting.Decision> decision = routing.route(facts, loads);
            if (decision.isPresent()) {
                Instant now = Instant.now(clock);
                String how = "by " + decision.get().because();
                apply(lead.assignTo(decision.get().rep(), Lead.SYSTEM, how, now), how);
                reps.assigned(decision.get().rep(), now);
            }
        }
    }

    /**
     * Who would get the next {@code count} leads: the unassigned MQLs waiting longest, routed in turn as if they were
     * new (nothing is stored).
     */
    public List<LeadRouting.Decision> preview(int count) {
        return routing().plan(reps.unassignedMqls(count), reps.loads(), Instant.now(clock));
    }

    private LeadRouting routing() {
        return new LeadRouting(handoff.assignmentRules(), handoff.policy().roundRobin());
    }

    /** An admin gives the lead to {@code rep}: an unassigned MQL is assigned, a worked lead reassigned. */
    @Transactional
    public Lead assignByAdmin(long leadId, String rep, String admin) {
        if (reps.loads().stream().map(RepLoad::username).noneMatch(rep::equals)) {
            throw new IllegalArgumentException("Choose an active sales rep.");
        }
        Lead lead = leads.byId(leadId).orElseThrow();
        Instant now = Instant.now(clock);
        String how = "by " + admin;
        Lead.Transition transition =
                lead.owner() == null ? lead.assignTo(rep, admin, how, now) : lead.reassign(rep, admin, now);
        return apply(transition, how);
    }

    public List<RepLoad> reps() {
        return reps.loads();
    }

    /**
     * Stores the assignment and announces it ({@link LeadAssigned}: {@code how}, e.g. "by round-robin"; the audit trail
     * records it from the event, with the rule or person that made it).
     */
    private Lead apply(Lead.Transition transition, String how) {
        Lead saved = leads.apply(transition);
        StageChange change = transition.change();
        events.publishEvent(
                new LeadAssigned(saved.id(), saved.displayName(), saved.owner(), how, change.actor(), change.at()));
        return saved;
    }
}
