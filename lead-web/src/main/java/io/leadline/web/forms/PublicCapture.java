package io.leadline.web.forms;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.audit.AuditAction;
import io.leadline.core.contact.ConsentSource;
import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.lead.FormTokenUses;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.PendingSubmission;
import io.leadline.core.lead.PendingSubmissions;
import io.leadline.web.audit.Audit;
import io.leadline.web.capture.DuplicateLeadException;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.capture.LeadEditing;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submission of a public form. A new email becomes a lead (its source the campaign's UTM source). A known email
 * from the browser that lead submitted from before (the signed visitor cookie) fills the lead's blank fields; from any
 * other browser the submission is held ({@link PendingSubmissions}) until a marketer accepts it, since anyone can type
 * an address. A recorded submission is a {@code form_submission} activity, which scores. Each form token serves one
 * submission; two submissions racing for one new email both land, on one lead.
 */
@Service
class PublicCapture {

    private static final int ATTEMPTS = 3;

    private final Leads leads;
    private final LeadCapture capture;
    private final LeadEditing editing;
    private final PendingSubmissions pending;
    private final FormTokenUses tokenUses;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ContactStatuses contacts;

    PublicCapture(
            Leads leads,
            LeadCapture capture,
            LeadEditing editing,
            PendingSubmissions pending,
            FormTokenUses tokenUses,
            Audit audit,
            Clock clock,
            PlatformTransactionManager transactions,
            ContactStatuses contacts) {
        this.contacts = contacts;
        this.leads = leads;
        this.capture = capture;
        this.editing = editing;
        this.pending = pending;
        this.tokenUses = tokenUses;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Takes one submission; a conflict with a submission of the same email at the same moment is retried, so both
     * land.
     *
     * @param visitorLead the lead the browser's signed visitor cookie names, if any
     * @return the lead this browser may now be recognised as (the visitor cookie): a new lead or the one it updated;
     *     empty when the submission was held for a marketer or the form had been sent already
     */
    Optional<Lead> submit(
            String campaign, LeadProfile submitted, String nonce, Optional<Long> visitorLead, boolean consented) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> submitOnce(campaign, submitted, nonce, visitorLead, consented));
            } catch (DuplicateLeadException
                    | DataIntegrityViolationException
                    | ConcurrencyFailureException
                    | LeadEditing.EditConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<Lead> submitOnce(
            String campaign, LeadProfile submitted, String nonce, Optional<Long> visitorLead, boolean consented) {
        Instant now = Instant.now(clock);
        if (!tokenUses.firstUse(nonce, now)) {
            return Optional.empty();
        }
        Optional<Long> known = leads.idWithEmail(submitted.email());
        if (known.isPresent() && !visitorLead.equals(known)) {
            pending.hold(known.get(), campaign, now, submitted);
            return Optional.empty();
        }
        Lead lead = known.map(id -> fillBlanks(id, submitted)).orElseGet(() -> capture.capture(submitted));
        if (consented) {
            // The box ticked on the form: consent given, from a form, now (a held submission's box is not taken as
            // consent: anyone can type an address).
            contacts.save(lead.id(), contacts.of(lead.id()).answered(true, ConsentSource.FORM, now));
        }
        return Optional.of(editing.logActivity(lead.id(), submission(campaign, now), null));
    }

    private Lead fillBlanks(long id, LeadProfile submitted) {
        Lead known = leads.byId(id).orElseThrow();
        return editing.edit(id, known.version(), known.profile().fillBlanksFrom(submitted));
    }

    private static Activity submission(String campaign, Instant at) {
        return new Activity(ActivityType.FORM_SUBMISSION, at, "form " + campaign);
    }

    /** A marketer takes a held submission: blanks filled, the submission recorded as of when it was sent. */
    @Transactional
    public Optional<Lead> accept(long leadId, long submissionId, String by) {
        Optional<PendingSubmission> decided = pending.decide(submissionId, leadId, true, by, Instant.now(clock));
        decided.ifPresent(s -> {
            fillBlanks(leadId, s.profile());
            editing.logActivity(leadId, submission(s.campaign(), s.submittedAt()), by);
            audit.record(by, AuditAction.SUBMISSION_ACCEPTED, "lead " + leadId, "form " + s.campaign());
        });
        return decided.flatMap(s -> leads.byId(leadId));
    }

    /** A marketer drops a held submission: the lead stays as it was. */
    @Transactional
    public boolean dismiss(long leadId, long submissionId, String by) {
        Optional<PendingSubmission> decided = pending.decide(submissionId, leadId, false, by, Instant.now(clock));
        decided.ifPresent(
                s -> audit.record(by, AuditAction.SUBMISSION_DISMISSED, "lead " + leadId, "form " + s.campaign()));
        return decided.isPresent();
    }

    @Scheduled(fixedDelayString = "PT30M", initialDelayString = "PT5M")
    void forgetUsedTokens() {
        tokenUses.forget(Instant.now(clock).minus(FormTokens.FORM_VALIDITY.multipliedBy(2)));
    }
}
