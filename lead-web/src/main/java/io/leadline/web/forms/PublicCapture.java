package io.leadline.web.forms;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.persistence.lead.LeadLookup;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.capture.LeadEditing;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A submission of a public form: a new email becomes a lead (its source the campaign's UTM source); a known one
 * gets its blank fields filled. Either way the submission is a {@code form_submission} activity, which scores.
 */
@Service
class PublicCapture {

    private final Leads leads;
    private final LeadLookup lookup;
    private final LeadCapture capture;
    private final LeadEditing editing;
    private final Clock clock;

    PublicCapture(Leads leads, LeadLookup lookup, LeadCapture capture, LeadEditing editing, Clock clock) {
        this.leads = leads;
        this.lookup = lookup;
        this.capture = capture;
        this.editing = editing;
        this.clock = clock;
    }

    @Transactional
    Lead submit(String campaign, LeadProfile submitted) {
        Lead lead = lookup.idByEmail(submitted.email())
                .map(id -> {
                    Lead known = leads.byId(id).orElseThrow();
                    return editing.edit(id, known.version(), known.profile().fillBlanksFrom(submitted));
                })
                .orElseGet(() -> capture.capture(submitted));
        Activity submission = new Activity(ActivityType.FORM_SUBMISSION, Instant.now(clock), "form " + campaign);
        return editing.logActivity(lead.id(), submission, null);
    }
}
