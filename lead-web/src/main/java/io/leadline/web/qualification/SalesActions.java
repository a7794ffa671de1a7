package io.leadline.web.qualification;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.qualification.BantAnswer;
import io.leadline.core.qualification.BantAnswered;
import io.leadline.core.qualification.BantAssessment;
import io.leadline.core.qualification.BantAssessments;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.qualification.SalesRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a sales rep does to a lead after claiming it: BANT, promotion to SQL, disqualification, recycling,
 * outcomes. A rep acts on leads they own or nobody owns; an admin on any. Every move is recorded.
 */
@Service
public class SalesActions {

    /** Where a lead can go once sales works it, beside SQL (promotion) and DISQUALIFIED / RECYCLED. */
    static final EnumSet<LifecycleStage> OUTCOMES =
            EnumSet.of(LifecycleStage.OPPORTUNITY, LifecycleStage.WON, LifecycleStage.LOST);

    private final Leads leads;
    private final BantAssessments bant;
    private final SalesRules settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesActions(
            Leads leads, BantAssessments bant, SalesRules settings, ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.settings = settings;
        this.events = events;
        this.bant = bant;
        this.clock = clock;
    }

    /** The rep who acts, and whether they are an admin (who may act on anyone's lead). */
    public record Actor(String username, boolean admin) {}

    @Transactional
    public void recordBant(long leadId, Actor actor, List<BantAnswer> answers) {
        Lead lead = workable(leadId, actor);
        BantAssessment stored = bant.of(lead.id());
        List<BantAnswer> saved = new ArrayList<>();
        for (BantAnswer answer : answers) {
            BantAnswer before = stored.answer(answer.criterion());
            boolean changed = before.status() != answer.status()
                    || !before.evidence().equals(answer.evidence())
                    || !Objects.equals(before.monthsToDecision(), answer.monthsToDecision());
            if (changed) {
                bant.save(lead.id(), answer);
                saved.add(answer);
            }
        }
        if (!saved.isEmpty()) {
            events.publishEvent(new BantAnswered(lead.id(), actor.username(), saved, now()));
        }
    }

    @Transactional
    public Lead promote(long leadId, Actor actor) {
        return apply(
                leadId,
                actor,
                lead -> lead.promoteToSql(actor.username(), bant.of(leadId), settings.bantPolicy(), now()));
    }

    @Transactional
    public Lead disqualify(long leadId, Actor actor, String reasonCode, String note) {
        DisqualificationReason reason = settings.reasons().stream()
                .filter(r -> r.code().equals(reasonCode))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Choose a reason from the list."));
        return apply(leadId, actor, lead -> lead.disqualify(actor.username(), reason, note, now()));
    }

    @Transactional
    public Lead recycle(long leadId, Actor actor, LocalDate revisitOn, String note) {
        if (revisitOn == null) {
            throw new IllegalArgumentException("Choose the date to revisit the lead.");
        }
        return apply(leadId, actor, lead -> lead.recycle(actor.username(), revisitOn, note, now()));
    }

    @Transactional
    public Lead recordOutcome(long leadId, Actor actor, LifecycleStage outcome, String note) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("Choose opportunity, won or lost.");
        }
        String reason = note == null || note.isBlank() ? outcome.label() : note.strip();
        return apply(leadId, actor, lead -> lead.moveTo(outcome, actor.username(), reason, now()));
    }

    /** A deal's outcome reported by the CRM: from any stage, whoever owns the lead; a repeat changes nothing. */
    @Transactional
    public Lead recordCrmOutcome(long leadId, String actor, LifecycleStage outcome, String reason) {
        Lead lead = leads.byId(leadId).orElseThrow();
        return lead.closeAs(outcome, actor, reason, now()).map(leads::apply).orElse(lead);
    }

    private Lead apply(long leadId, Actor actor, Function<Lead, Lead.Transition> move) {
        Lead lead = workable(leadId, actor);
        return leads.apply(move.apply(lead));
    }

    private Lead workable(long leadId, Actor actor) {
        Lead lead = leads.byId(leadId).orElseThrow();
        if (!actor.admin()) {
            lead.checkWorkableBy(actor.username());
        }
        return lead;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
