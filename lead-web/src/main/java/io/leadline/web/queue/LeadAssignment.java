package io.leadline.web.queue;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.Leads;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.RoundRobin;
import io.leadline.core.queue.SalesReps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.leadline.web.audit.Audit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives leads to reps: new MQLs round-robin among reps with room under their capacity (when
 * {@code leadline.queue.round-robin=true}), whichever way they became MQLs ({@link NewMqlsToReps}), and any lead by
 * an admin's choice.
 */
@Service
public class LeadAssignment {

    private final Leads leads;
    private final SalesReps reps;
    private final Audit audit;
    private final Clock clock;
    private final boolean roundRobin;

    LeadAssignment(Leads leads, SalesReps reps, Audit audit, Clock clock,
                   @Value("${leadline.queue.round-robin:false}") boolean roundRobin) {
        this.leads = leads;
        this.audit = audit;
        this.reps = reps;
        this.clock = clock;
        this.roundRobin = roundRobin;
    }

    /**
     * The new MQLs go to reps in turn, if round-robin is on: each lead still an MQL that nobody owns goes to the next
     * rep with room under their capacity, until no rep has room. A lead claimed or assigned meanwhile, or delivered a
     * second time, is left as it is. One rotation at a time (see {@link SalesReps#lockRotation()}).
     */
    @Transactional
    public void assignNewMqls(List<Long> leadIds) {
        if (!roundRobin) {
            return;
        }
        reps.lockRotation();
        for (long id : leadIds) {
            Lead lead = leads.byId(id).orElse(null);
            if (lead == null || lead.stage() != LifecycleStage.MQL || lead.owner() != null) {
                continue;
            }
            Optional<String> rep = RoundRobin.nextRep(reps.loads());
            if (rep.isEmpty()) {
                return;
            }
            Instant now = Instant.now(clock);
            apply(lead.assignTo(rep.get(), Lead.SYSTEM, "by round-robin", now));
            reps.assigned(rep.get(), now);
        }
    }

    /** An admin gives the lead to {@code rep}: an unassigned MQL is assigned, a worked lead reassigned. */
    @Transactional
    public Lead assignByAdmin(long leadId, String rep, String admin) {
        if (reps.loads().stream().map(RepLoad::username).noneMatch(rep::equals)) {
            throw new IllegalArgumentException("Choose an active sales rep.");
        }
        Lead lead = leads.byId(leadId).orElseThrow();
        Instant now = Instant.now(clock);
        Lead.Transition transition = lead.owner() == null
                ? lead.assignTo(rep, admin, "by " + admin, now)
                : lead.reassign(rep, admin, now);
        return apply(transition);
    }

    public List<RepLoad> reps() {
        return reps.loads();
    }

    private Lead apply(Lead.Transition transition) {
        Lead saved = leads.apply(transition);
        audit.record(transition.change().actor(), AuditAction.LEAD_ASSIGNED, "lead " + saved.id(), transition.change().reason());
        return saved;
    }
}
