package io.leadline.web.inbox;

import io.leadline.core.account.AccountBecameMqa;
import io.leadline.core.activity.ActivitiesRecorded;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.inbox.Inbox;
import io.leadline.core.inbox.InboxItem;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LeadsBecameMql;
import io.leadline.core.lead.NurtureHistory;
import io.leadline.core.queue.HandRaisers;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.LeadAssigned;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fills the inboxes from lead events, in the transaction that made the event (just before it commits; activities as
 * they are recorded): the rep a lead was given to, the rep who recycled a lead that is back from nurture, an account's
 * owner when it becomes an MQA, and the owner of a lead that just raised its hand (a hand-raising activity as the
 * hand-off settings define it). A notice is a row beside the move, so it commits or rolls back with it; alert mails
 * are sent from the stored notices after commit. Each notice is keyed by its event, so the same event twice adds
 * nothing.
 */
@Component
class InboxNotices {

    private final Inbox inbox;
    private final Leads leads;
    private final HandoffRules handoff;
    private final Clock clock;
    private final NurtureHistory nurture;
    private final SalesReps reps;
    private final ContactStatuses contacts;

    InboxNotices(
            Inbox inbox,
            Leads leads,
            HandoffRules handoff,
            NurtureHistory nurture,
            SalesReps reps,
            Clock clock,
            ContactStatuses contacts) {
        this.contacts = contacts;
        this.inbox = inbox;
        this.leads = leads;
        this.handoff = handoff;
        this.nurture = nurture;
        this.reps = reps;
        this.clock = clock;
    }

    /** A lead a rep recycled is an MQL again (its revisit date came and it still scores): the rep who parked it hears. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LeadsBecameMql event) {
        List<NurtureHistory.Returned> returned = nurture.returnedFromNurture(event.leadIds());
        if (returned.isEmpty()) {
            return;
        }
        Set<String> activeReps = reps.loads().stream().map(RepLoad::username).collect(Collectors.toSet());
        for (NurtureHistory.Returned lead : returned) {
            if (activeReps.contains(lead.recycledBy())) {
                inbox.deliver(
                        lead.recycledBy(),
                        InboxItem.Kind.BACK_FROM_NURTURE,
                        lead.leadId(),
                        lead.name() + ", whom you recycled, is back from nurture as an MQL.",
                        event.at(),
                        "back-from-nurture:" + lead.leadId() + ":" + event.at().toEpochMilli());
            }
        }
    }

    /** An account's owner hears when it becomes an MQA (an account nobody owns tells nobody). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountBecameMqa event) {
        if (event.owner() != null) {
            inbox.deliver(
                    event.owner(),
                    InboxItem.Kind.ACCOUNT_MQA,
                    event.bestLeadId(),
                    event.name() + " is an MQA: score " + event.score() + " with " + event.engagedContacts()
                            + " engaged contacts.",
                    event.at(),
                    "account-mqa:" + event.accountId() + ":" + event.at().toEpochMilli());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LeadAssigned event) {
        inbox.deliver(
                event.rep(),
                InboxItem.Kind.ASSIGNED,
                event.leadId(),
                event.leadName() + " is yours (" + event.because() + ").",
                event.at(),
                "assigned:" + event.leadId() + ":" + event.rep() + ":"
                        + event.at().toEpochMilli());
    }

    /**
     * As the activities are recorded (a batch of 1,000 events is read once here, not serialised into the registry and
     * replayed on another thread, which took as much CPU as the API requests themselves under load).
     */
    @EventListener
    void on(ActivitiesRecorded event) {
        HandRaisers raisers = handoff.policy().handRaisers();
        Instant now = Instant.now(clock);
        List<ActivitiesRecorded.Recorded> raised = event.activities().stream()
                .filter(a -> raisers.raisedBy(new ActivityType(a.type()), a.at(), now))
                .toList();
        if (raised.isEmpty()) {
            return;
        }
        // One query for the batch's owned leads: a batch of 1,000 events must not load its leads one by one.
        Map<Long, Leads.Owned> owned = new HashMap<>(leads.owned(
                raised.stream().map(ActivitiesRecorded.Recorded::leadId).collect(Collectors.toSet())));
        // A lead that asked not to be contacted raises no hand for a rep to call back.
        owned.keySet().removeAll(contacts.doNotContact(owned.keySet()));
        for (ActivitiesRecorded.Recorded activity : raised) {
            Leads.Owned lead = owned.get(activity.leadId());
            if (lead == null) {
                continue;
            }
            ActivityType type = new ActivityType(activity.type());
            inbox.deliver(
                    lead.owner(),
                    InboxItem.Kind.HAND_RAISED,
                    activity.leadId(),
                    lead.displayName() + ", one of your leads: " + type.label() + ".",
                    activity.at(),
                    "hand-raised:" + activity.leadId() + ":" + type.key() + ":"
                            + activity.at().toEpochMilli());
        }
    }
}
