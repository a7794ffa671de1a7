package io.leadline.core.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * May Leadline's users contact this lead, and on what grounds: the marketing consent (given or withdrawn, when, from
 * where; {@code null} when never asked) and the do-not-contact flag. Withdrawing consent or unsubscribing sets the flag;
 * giving consent again does not clear it (a person asked not to be contacted; only a person in Leadline lifts that).
 */
public record ContactStatus(Consent consent, Instant consentAt, ConsentSource source, boolean doNotContact) {

    public static final ContactStatus UNKNOWN = new ContactStatus(null, null, null, false);

    public ContactStatus {
        if (consent != null) {
            Objects.requireNonNull(consentAt, "consentAt");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The status after the person answered {@code given} through {@code source} at {@code at}. */
    public ContactStatus answered(boolean given, ConsentSource source, Instant at) {
        return new ContactStatus(given ? Consent.GIVEN : Consent.WITHDRAWN, at, source, doNotContact || !given);
    }

    /** The status after the person unsubscribed: consent withdrawn, not to be contacted. */
    public ContactStatus unsubscribed(Instant at) {
        return answered(false, ConsentSource.UNSUBSCRIBE, at);
    }

    /** The flag set or lifted by a Leadline user; the consent stays as the person gave it. */
    public ContactStatus flagged(boolean doNotContact) {
        return new ContactStatus(consent, consentAt, source, doNotContact);
    }

    /** Whether sales may reach out: never to a do-not-contact lead. */
    public boolean mayBeContacted() {
        return !doNotContact;
    }

    /** Whether the lead may get marketing: only with consent given and no flag. */
    public boolean mayGetMarketing() {
        return consent == Consent.GIVEN && !doNotContact;
    }
}
