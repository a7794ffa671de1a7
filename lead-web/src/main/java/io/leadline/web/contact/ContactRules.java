package io.leadline.web.contact;

import io.leadline.core.activity.ActivitiesRecorded;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.audit.AuditAction;
import io.leadline.core.contact.Consent;
import io.leadline.core.contact.ConsentSource;
import io.leadline.core.contact.ContactStatus;
import io.leadline.core.contact.ContactStatuses;
import io.leadline.web.audit.Audit;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may be contacted: an unsubscribe, from any path that records activities (API, import, email link, a person),
 * withdraws consent and sets do-not-contact, in the transaction that records it; a Leadline user sets or lifts the
 * flag and records an answer the person gave them.
 */
@Service
public class ContactRules {

    private final ContactStatuses contacts;
    private final Audit audit;
    private final Clock clock;

    ContactRules(ContactStatuses contacts, Audit audit, Clock clock) {
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(ActivitiesRecorded event) {
        Map<Long, Instant> unsubscribed = new TreeMap<>();
        for (ActivitiesRecorded.Recorded activity : event.activities()) {
            if (ActivityType.UNSUBSCRIBE.key().equals(activity.type())) {
                unsubscribed.merge(activity.leadId(), activity.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        unsubscribed.forEach((lead, at) -> contacts.save(lead, contacts.of(lead).unsubscribed(at)));
    }

    public ContactStatus of(long leadId) {
        return contacts.of(leadId);
    }

    /** A user flags the lead not to be contacted, or lifts the flag. */
    @Transactional
    public ContactStatus flag(long leadId, boolean doNotContact, String by) {
        ContactStatus status = contacts.of(leadId).flagged(doNotContact);
        contacts.save(leadId, status);
        audit.record(
                by,
                AuditAction.CONTACT_CHANGED,
                "lead " + leadId,
                doNotContact ? "do not contact" : "may be contacted again");
        return status;
    }

    /** A user records the person's answer to marketing, as the person gave it to them. */
    @Transactional
    public ContactStatus answered(long leadId, Consent consent, String by) {
        ContactStatus status =
                contacts.of(leadId).answered(consent == Consent.GIVEN, ConsentSource.PERSON, Instant.now(clock));
        contacts.save(leadId, status);
        audit.record(
                by,
                AuditAction.CONTACT_CHANGED,
                "lead " + leadId,
                "marketing consent " + consent.label().toLowerCase());
        return status;
    }
}
