package io.leadline.web.inbox;

import io.leadline.core.activity.ActivitiesRecorded;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.inbox.Inbox;
import io.leadline.core.inbox.InboxItem;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.core.queue.HandRaisers;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.LeadAssigned;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the inboxes from lead events, after their transaction commits: the rep a lead was given to, and the owner of
 * a lead that just raised its hand (a hand-raising activity as the hand-off settings define it). Each notice is keyed by
 * its event, so a second delivery adds nothing.
 */
@Component
class InboxNotices {

    private final Inbox inbox;
    private final Leads leads;
    private final HandoffRules handoff;
    private final Clock clock;

    InboxNotices(Inbox inbox, Leads leads, HandoffRules handoff, Clock clock) {
        this.inbox = inbox;
        this.leads = leads;
        this.handoff = handoff;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(LeadAssigned event) {
        inbox.deliver(event.rep(), InboxItem.Kind.ASSIGNED, event.leadId(),
                event.leadName() + " is yours (" + event.because() + ").", event.at(),
                "assigned:" + event.leadId() + ":" + event.rep() + ":" + event.at().toEpochMilli());
    }

    @ApplicationModuleListener
    void on(ActivitiesRecorded event) {
        HandRaisers raisers = handoff.policy().handRaisers();
        Instant now = Instant.now(clock);
        for (ActivitiesRecorded.Recorded activity : event.activities()) {
            ActivityType type = new ActivityType(activity.type());
            if (!raisers.raisedBy(type, activity.at(), now)) {
                continue;
            }
            Lead lead = leads.byId(activity.leadId()).orElse(null);
            if (lead == null || lead.owner() == null) {
                continue;
            }
            inbox.deliver(lead.owner(), InboxItem.Kind.HAND_RAISED, activity.leadId(),
                    lead.displayName() + ", one of your leads: " + type.label() + ".", activity.at(),
                    "hand-raised:" + activity.leadId() + ":" + type.key() + ":" + activity.at().toEpochMilli());
        }
    }
}
