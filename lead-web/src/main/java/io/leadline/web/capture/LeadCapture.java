package io.leadline.web.capture;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.web.queue.LeadAssignment;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a new lead in: stores it, scores it, and makes it an MQL when the score says so, all or nothing. */
@Service
public class LeadCapture {

    private final Leads leads;
    private final LeadScores scores;
    private final ScoringModels models;
    private final LeadAssignment assignment;
    private final Clock clock;

    LeadCapture(Leads leads, LeadScores scores, ScoringModels models, LeadAssignment assignment, Clock clock) {
        this.leads = leads;
        this.assignment = assignment;
        this.scores = scores;
        this.models = models;
        this.clock = clock;
    }

    @Transactional
    public Lead capture(LeadProfile profile) {
        if (profile.email() != null && leads.existsWithEmail(profile.email())) {
            throw new DuplicateLeadException(profile.email());
        }
        Instant now = Instant.now(clock);
        Score score = models.active().score(profile);
        Lead lead;
        try {
            lead = leads.save(Lead.capture(profile, now));
        } catch (DataIntegrityViolationException e) {
            // Another request stored the same address between our check and our insert.
            throw new DuplicateLeadException(profile.email());
        }
        var qualified = lead.qualifyBy(score, now);
        if (qualified.isPresent()) {
            lead = leads.save(qualified.get().lead());
            leads.recordStageChange(lead.id(), qualified.get().change());
            lead = assignment.assignIfDue(lead);
        }
        scores.save(lead.id(), score, lead.stage(), now);
        return lead;
    }

    static LeadProfile profileOf(NewLeadForm form) {
        String email = form.getEmail();
        return new LeadProfile(form.getFullName(), email == null || email.isBlank() ? null : new EmailAddress(email), form.getCompany(),
                form.getJobTitle(), form.getCompanySize(), form.getCountry(), form.getSource(), null);
    }
}
