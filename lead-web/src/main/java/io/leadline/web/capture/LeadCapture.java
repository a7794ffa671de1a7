package io.leadline.web.capture;

import io.leadline.core.contact.ConsentSource;
import io.leadline.core.contact.ContactStatus;
import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LeadRecorded;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.SourceAliasBook;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a new lead in: stores it, scores it, makes it an MQL when the score says so, all or nothing. A new MQL is
 * assigned after commit by the listener of its event, as on every other path (see queue.NewMqlsToReps).
 */
@Service
public class LeadCapture {

    private final Leads leads;
    private final LeadEditing editing;
    private final Clock clock;
    private final SourceAliasBook sources;
    private final ContactStatuses contacts;
    private final ApplicationEventPublisher events;

    LeadCapture(
            Leads leads,
            LeadEditing editing,
            Clock clock,
            SourceAliasBook sources,
            ContactStatuses contacts,
            ApplicationEventPublisher events) {
        this.events = events;
        this.contacts = contacts;
        this.sources = sources;
        this.leads = leads;
        this.editing = editing;
        this.clock = clock;
    }

    @Transactional
    public Lead capture(LeadProfile profile) {
        return capture(profile, null);
    }

    /** A lead first seen in another system under {@code externalId} (may be {@code null}). */
    @Transactional
    public Lead capture(LeadProfile submitted, String externalId) {
        LeadProfile profile = sources.current().apply(submitted);
        if (profile.email() != null) {
            Optional<Long> existing = leads.idWithEmail(profile.email());
            if (existing.isPresent()) {
                throw new DuplicateLeadException(profile.email(), existing);
            }
        }
        Lead lead;
        try {
            lead = leads.save(Lead.capture(profile, externalId, Instant.now(clock)));
        } catch (DataIntegrityViolationException e) {
            // Another request stored the same address (or external id) between our check and our insert.
            throw externalId == null
                    ? new DuplicateLeadException(profile.email(), Optional.empty())
                    : new DuplicateLeadException(profile.email(), externalId);
        }
        events.publishEvent(LeadRecorded.created(lead.id(), Instant.now(clock)));
        return editing.scoreNow(lead);
    }

    /** A new lead with the person's marketing consent answer ({@code null}: not asked), in one transaction. */
    @Transactional
    public Lead capture(LeadProfile submitted, String externalId, Boolean consent, ConsentSource from) {
        Lead lead = capture(submitted, externalId);
        if (consent != null) {
            contacts.save(lead.id(), ContactStatus.UNKNOWN.answered(consent, from, Instant.now(clock)));
        }
        return lead;
    }

    static LeadProfile profileOf(NewLeadForm form) {
        String email = form.getEmail();
        return new LeadProfile(
                form.getFullName(),
                email == null || email.isBlank() ? null : new EmailAddress(email),
                form.getCompany(),
                form.getJobTitle(),
                form.getCompanySize(),
                form.getCountry(),
                form.getSource(),
                form.filledAttributes());
    }
}
