package io.leadline.web.capture;

import io.leadline.core.activity.Activities;
import io.leadline.core.activity.Activity;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LeadRecorded;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.SourceAliasBook;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.web.prediction.LeadLikelihood;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Corrects a lead's profile or logs what happened with it, and rescores it; a stale edit is a conflict, never lost. */
@Service
public class LeadEditing {

    private final Leads leads;
    private final LeadScores scores;
    private final LeadLikelihood likelihood;
    private final ScoringModels models;
    private final Activities activities;
    private final Clock clock;
    private final SourceAliasBook sources;

    private final ApplicationEventPublisher events;

    LeadEditing(
            Leads leads,
            LeadScores scores,
            ScoringModels models,
            Activities activities,
            Clock clock,
            LeadLikelihood likelihood,
            SourceAliasBook sources,
            ApplicationEventPublisher events) {
        this.events = events;
        this.sources = sources;
        this.likelihood = likelihood;
        this.leads = leads;
        this.scores = scores;
        this.models = models;
        this.activities = activities;
        this.clock = clock;
    }

    /** Someone else saved the lead after this form was opened. */
    public static class EditConflictException extends RuntimeException {
        public EditConflictException() {
            super("Someone else changed this lead after you opened it. Your changes are not saved: reload the lead, "
                    + "then make them again.");
        }
    }

    @Transactional
    public Lead edit(long id, long versionSeen, LeadProfile edited) {
        // A source merged into another is stored as that one, whichever path the lead came by.
        LeadProfile profile = sources.current().apply(edited);
        Lead lead = leads.byId(id).orElseThrow();
        if (!Objects.equals(lead.version(), versionSeen)) {
            throw new EditConflictException();
        }
        if (profile.email() != null && !profile.email().equals(lead.profile().email())) {
            Optional<Long> existing = leads.idWithEmail(profile.email());
            if (existing.isPresent()) {
                throw new DuplicateLeadException(profile.email(), existing);
            }
        }
        Lead saved;
        try {
            saved = leads.save(lead.withProfile(profile));
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new EditConflictException();
        } catch (DataIntegrityViolationException e) {
            throw new DuplicateLeadException(profile.email(), Optional.empty());
        }
        List<String> changed = lead.profile().changedIn(saved.profile());
        if (!changed.isEmpty()) {
            events.publishEvent(LeadRecorded.edited(id, changed, Instant.now(clock)));
        }
        return scoreNow(saved);
    }

    @Transactional
    public Lead logActivity(long id, Activity activity, String by) {
        Lead lead = leads.byId(id).orElseThrow();
        activities.record(id, activity, by);
        return scoreNow(lead);
    }

    /**
     * Scores the lead with the live model and its activities, moves its stage if the score says so, stores both, and
     * its likelihood to close by the live predictive model.
     */
    public Lead scoreNow(Lead lead) {
        Instant now = Instant.now(clock);
        Score score = models.active().score(lead.profile(), activities.of(lead.id()), now);
        var moved = lead.qualifyBy(score, now);
        if (moved.isPresent()) {
            lead = leads.apply(moved.get());
        }
        scores.save(lead.id(), score, lead.stage(), now);
        likelihood.refresh(List.of(lead.id()));
        return lead;
    }
}
