package io.leadline.core.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The stored contact statuses of leads, and the consent text public forms show. Implemented by lead-persistence. */
public interface ContactStatuses {

    ContactStatus of(long leadId);

    void save(long leadId, ContactStatus status);

    /** Of these leads, the ones not to be contacted (one query, for queues, lists and webhooks). */
    Set<Long> doNotContact(Collection<Long> leadIds);

    /** The consent checkbox's text on public forms; empty when forms ask for no consent. */
    Optional<String> formConsentText();

    void formConsentText(String text, String by, Instant at);
}
