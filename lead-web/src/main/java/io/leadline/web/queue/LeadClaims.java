package io.leadline.web.queue;

import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.lead.Leads;
import io.leadline.core.queue.QueueEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A rep takes a lead from the queue. Two reps at once: the lead's version lets exactly one win. */
@Service
class LeadClaims {

    private final Leads leads;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LeadClaims(Leads leads, Clock clock, PlatformTransactionManager transactions) {
        this.leads = leads;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Claims the first of these unassigned leads that nobody takes first (another rep winning one moves on to the
     * next); empty when every one was taken.
     */
    Optional<Lead> claimFirst(List<QueueEntry> candidates, String rep) {
        for (QueueEntry candidate : candidates) {
            try {
                return Optional.of(claim(candidate.leadId(), rep));
            } catch (LeadAlreadyClaimedException | IllegalStageChangeException | NoSuchElementException taken) {
                // Claimed, moved or removed since the queue was read: the next one.
            }
        }
        return Optional.empty();
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
                return leads.apply(claimed);
            });
        } catch (ObjectOptimisticLockingFailureException lostTheRace) {
            // Read the winner in a fresh transaction: the failed one saw only its own attempt.
            String owner = transaction.execute(
                    tx -> leads.byId(leadId).map(Lead::owner).orElse(null));
            throw new LeadAlreadyClaimedException(owner == null ? "another rep" : owner);
        }
    }
}
