package io.leadline.web.api;

import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.lead.Lead;
import io.leadline.core.scoring.LeadScores;
import io.leadline.web.api.LeadResources.LeadView;
import io.leadline.web.prediction.LeadLikelihood;
import org.springframework.stereotype.Component;

/** A lead as the API shows it — with its stored score and likelihood — for the API's answers and webhook bodies alike. */
@Component
public class LeadRepresentation {

    private final LeadScores scores;
    private final LeadLikelihood likelihood;
    private final ContactStatuses contacts;

    LeadRepresentation(LeadScores scores, LeadLikelihood likelihood, ContactStatuses contacts) {
        this.contacts = contacts;
        this.scores = scores;
        this.likelihood = likelihood;
    }

    public LeadView of(Lead lead) {
        return LeadView.of(
                lead,
                scores.of(lead.id()).orElse(null),
                likelihood.of(lead.id()).orElse(null),
                contacts.of(lead.id()));
    }
}
