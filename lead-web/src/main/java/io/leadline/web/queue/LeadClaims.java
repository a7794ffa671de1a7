package io.leadline.web.queue;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.lead.Leads;
import java.time.Clock;
import java.time.Instant;
import io.leadline.web.audit.Audit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A rep takes a lead from the queue. Two reps at once: the lead's version lets exactly one win. */
@Service
class LeadClaims {

    private final Leads leads;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LeadClaims(Leads leads, Audit audit, Clock clock, PlatformTransactionManager transactions) {
        this.leads = leads;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @throws LeadAlreadyClaimedException when another rep owns the lead, also when they won a race just now
     * @throws java.util.NoSuchElementException when there is no such lead
     */
    Lead claim(long leadId, String rep) {
        try {
            return transaction.execute(tx -> {
                Lead lead = leads.byId(leadId).orElseThrow();
                var claimed = lead.claim(rep, Instant.now(clock));
                Lead saved = leads.apply(claimed);
                audit.record(rep, AuditAction.LEAD_CLAIMED, "lead " + leadId, "");
                return saved;
            });
        } catch (ObjectOptimisticLockingFailureException lostTheRace) {
            // Read the winner in a fresh transaction: the failed one saw only its own attempt.
            String owner = transaction.execute(tx -> leads.byId(leadId).map(Lead::owner).orElse(null));
            throw new LeadAlreadyClaimedException(owner == null ? "another rep" : owner);
        }
    }
}
