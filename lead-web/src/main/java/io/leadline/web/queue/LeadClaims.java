package io.leadline.web.queue;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.lead.Leads;
import java.time.Clock;
import java.time.Instant;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A rep takes a lead from the queue. Two reps at once: the lead's version lets exactly one win. */
@Service
class LeadClaims {

    private final Leads leads;
    private final Clock clock;

    LeadClaims(Leads leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    /**
     * @throws LeadAlreadyClaimedException when another rep owns the lead, also when they won a race just now
     * @throws java.util.NoSuchElementException when there is no such lead
     */
    @Transactional
    Lead claim(long leadId, String rep) {
        Lead lead = leads.byId(leadId).orElseThrow();
        var claimed = lead.claim(rep, Instant.now(clock));
        Lead saved;
        try {
            saved = leads.save(claimed.lead());
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new LeadAlreadyClaimedException(currentOwner(leadId));
        }
        leads.recordStageChange(saved.id(), claimed.change());
        return saved;
    }

    private String currentOwner(long leadId) {
        return leads.byId(leadId).map(Lead::owner).orElse("another rep");
    }
}
