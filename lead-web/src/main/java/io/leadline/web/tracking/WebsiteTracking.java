package io.leadline.web.tracking;

import io.leadline.core.activity.Activity;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Leads;
import io.leadline.core.tracking.HitKind;
import io.leadline.core.tracking.WebsiteHits;
import io.leadline.web.api.ActivityIngestion;
import io.leadline.web.tracking.VisitorIds.Visitor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaches a visitor's anonymous history to a lead — when they send a Leadline public form from a page that carried
 * their signed visitor id, or when their site identifies them with a token its server made — and records it on the
 * lead as activities, rescoring the lead once. A visitor already attached to a lead stays with that lead: neither a
 * copied visitor id nor a second form can move someone's history to another lead.
 */
@Service
public class WebsiteTracking {

    private final VisitorIds visitorIds;
    private final WebsiteHits hits;
    private final HitBuffer buffer;
    private final ActivityIngestion activities;
    private final Leads leads;
    private final Clock clock;

    WebsiteTracking(
            VisitorIds visitorIds,
            WebsiteHits hits,
            HitBuffer buffer,
            ActivityIngestion activities,
            Leads leads,
            Clock clock) {
        this.visitorIds = visitorIds;
        this.hits = hits;
        this.buffer = buffer;
        this.activities = activities;
        this.leads = leads;
        this.clock = clock;
    }

    /** After a form submission recorded on the lead: attaches the visitor the form's page named, if its id is genuine. */
    @Transactional
    public int formSubmitted(String visitorToken, long leadId) {
        return visitorIds
                .read(visitorToken)
                .map(visitor -> stitch(visitor, leadId))
                .orElse(0);
    }

    /** An identify call from the snippet: attaches the visitor to the lead with the email, if the site's token is right. */
    @Transactional
    public Optional<Long> identify(Visitor visitor, String email, String token) {
        if (!VisitorIds.identifies(visitor.site(), email == null ? "" : email, token)) {
            return Optional.empty();
        }
        Optional<Long> lead = EmailAddress.parse(email).flatMap(leads::idWithEmail);
        lead.ifPresent(id -> stitch(visitor, id));
        return lead;
    }

    /** Answers how many activities the visitor's history added to the lead. */
    private int stitch(Visitor visitor, long leadId) {
        // Hits still waiting in this instance are written first (in this transaction), so the history read next has
        // them.
        buffer.flush();
        Instant now = Instant.now(clock);
        List<Activity> history = hits.stitch(visitor.site().id(), visitor.id(), leadId, now).orElse(List.of()).stream()
                .flatMap(hit -> HitKind.activity(hit).stream())
                .toList();
        activities.recordFor(Map.of(leadId, history));
        return history.size();
    }
}
