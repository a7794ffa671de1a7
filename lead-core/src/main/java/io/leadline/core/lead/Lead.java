package io.leadline.core.lead;

import io.leadline.core.Refusal;
import io.leadline.core.qualification.BantAssessment;
import io.leadline.core.qualification.BantPolicy;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.qualification.NotSalesReadyException;
import io.leadline.core.scoring.Score;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who may buy, with their lifecycle stage and owning sales rep. Immutable: every move returns a
 * {@link Transition} holding the lead after the move and the {@link StageChange} to record.
 *
 * @param id      database id, {@code null} until stored
 * @param version optimistic-locking version, {@code null} until stored
 * @param externalId the lead's id in the system it came from (CRM, form tool, import file), if any
 * @param owner   username of the sales rep who owns the lead, {@code null} while unassigned
 * @param revisitOn when a recycled lead is due for another look, {@code null} otherwise
 * @param stageByScore whether its score put the lead in its stage ({@link #SYSTEM} made the last move): only such a
 *                     stage is the score's to undo. An MQL the source system reported (an import's status column) or a
 *                     person set stays an MQL whatever its score.
 */
public record Lead(
        Long id,
        Long version,
        String externalId,
        LeadProfile profile,
        LifecycleStage stage,
        String owner,
        LocalDate revisitOn,
        Instant createdAt,
        boolean stageByScore) {

    /** A lead whose stage's origin is not told: taken as its score's, which a score may undo. */
    public Lead(
            Long id,
            Long version,
            String externalId,
            LeadProfile profile,
            LifecycleStage stage,
            String owner,
            LocalDate revisitOn,
            Instant createdAt) {
        this(id, version, externalId, profile, stage, owner, revisitOn, createdAt, true);
    }

    public Lead {
        Objects.requireNonNull(profile, "profile");
        if (profile.email() == null && (externalId == null || externalId.isBlank())) {
            throw new IllegalArgumentException("A lead needs an email address or an external id.");
        }
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The name to show: the person's name, else their email, else the external id. */
    public String displayName() {
        return displayName(
                profile.fullName(),
                profile.email() == null ? null : profile.email().value(),
                externalId,
                id);
    }

    /** {@link #displayName()} from the stored fields, for callers that read only those. */
    public static String displayName(String fullName, String email, String externalId, Long id) {
        if (fullName != null) {
            return fullName;
        }
        if (email != null) {
            return email;
        }
        return externalId != null ? "Lead " + externalId : "Lead " + id;
    }

    /** A lead as it is first captured: stage NEW, nobody owns it yet. */
    public static Lead capture(LeadProfile profile, Instant at) {
        return capture(profile, null, at);
    }

    /** A lead first seen in another system under {@code externalId}. */
    public static Lead capture(LeadProfile profile, String externalId, Instant at) {
        return new Lead(
                null,
                null,
                externalId == null || externalId.isBlank() ? null : externalId.strip(),
                profile,
                LifecycleStage.NEW,
                null,
                null,
                at);
    }

    /**
     * The lead after (re)scoring: a lead a disqualifying rule caught is disqualified (unless sales already
     * works it); a NEW lead whose score reaches the MQL threshold becomes an MQL, and so does a recycled one once its
     * revisit date has come (until then it stays in nurture, however often it is rescored); an unclaimed MQL whose
     * score fell below it goes back to NEW. Disqualified, won and lost leads never move by a score, and neither does an
     * MQL its score did not make (imported as one, or set by a person): the score undoes only its own moves.
     */
    public Optional<Transition> qualifyBy(Score score, Instant at) {
        boolean scoresOwnMql = stage == LifecycleStage.MQL && stageByScore;
        if (score.disqualified().isPresent()
                && owner == null
                && stage.canMoveTo(LifecycleStage.DISQUALIFIED)
                && (stage == LifecycleStage.NEW || scoresOwnMql || stage == LifecycleStage.RECYCLED)) {
            Transition out = moveTo(
                    LifecycleStage.DISQUALIFIED,
                    SYSTEM,
                    score.disqualification().toString(),
                    at);
            return Optional.of(new Transition(
                    out.lead(),
                    out.change()
                            .withReasonCode(score.disqualification().reason().code())));
        }
        if (score.reachesMql() && (stage == LifecycleStage.NEW || stage == LifecycleStage.RECYCLED && revisitDue(at))) {
            return Optional.of(moveTo(
                    LifecycleStage.MQL,
                    SYSTEM,
                    "score " + score.total() + " reached the MQL threshold of " + score.mqlThreshold(),
                    at));
        }
        if (!score.reachesMql() && scoresOwnMql && owner == null) {
            return Optional.of(moveTo(
                    LifecycleStage.NEW,
                    SYSTEM,
                    "score " + score.total() + " fell below the MQL threshold of " + score.mqlThreshold(),
                    at));
        }
        return Optional.empty();
    }

    /** Whether a recycled lead's revisit date has come (a recycled lead without one is due at once). */
    public boolean revisitDue(Instant at) {
        return revisitOn == null || !revisitOn.isAfter(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** How a claim's move reads in the history ("claimed by rita"), and how the audit tells a claim from an assignment. */
    public static final String CLAIMED_BY = "claimed by ";

    /** A sales rep takes an unassigned MQL: it becomes theirs and moves to ACCEPTED. */
    public Transition claim(String rep, Instant at) {
        Objects.requireNonNull(rep, "rep");
        if (owner != null) {
            throw new LeadAlreadyClaimedException(owner);
        }
        Transition accepted = moveTo(LifecycleStage.ACCEPTED, rep, CLAIMED_BY + rep, at);
        return new Transition(accepted.lead().withOwner(rep), accepted.change());
    }

    /** An unassigned MQL given to a rep (round-robin or by an admin): it becomes theirs and moves to ACCEPTED. */
    public Transition assignTo(String rep, String actor, String how, Instant at) {
        Objects.requireNonNull(rep, "rep");
        if (owner != null) {
            throw new LeadAlreadyClaimedException(owner);
        }
        Transition accepted = moveTo(LifecycleStage.ACCEPTED, actor, "assigned to " + rep + " " + how, at);
        return new Transition(accepted.lead().withOwner(rep), accepted.change());
    }

    /** An admin hands a lead sales already works to another rep; the stage stays, the history says who and why. */
    public Transition reassign(String newOwner, String actor, Instant at) {
        Objects.requireNonNull(newOwner, "newOwner");
        if (owner == null
                || !EnumSet.of(LifecycleStage.ACCEPTED, LifecycleStage.SQL, LifecycleStage.OPPORTUNITY)
                        .contains(stage)) {
            throw new Refusal(
                    "reassign.unworked",
                    "Only a lead a rep already works can be reassigned; claim or assign this one.");
        }
        if (owner.equals(newOwner)) {
            throw new Refusal("reassign.same", "The lead is already " + newOwner + "'s.", newOwner);
        }
        return new Transition(
                withOwner(newOwner),
                new StageChange(stage, stage, actor, "reassigned from " + owner + " to " + newOwner, at));
    }

    /** A rep works only leads they own or nobody owns yet. */
    public void checkWorkableBy(String rep) {
        if (owner != null && !owner.equals(rep)) {
            throw new LeadAlreadyClaimedException(owner);
        }
    }

    /** A rep rules the lead out, with a reason from the configured list (and a note where the reason needs one). */
    public Transition disqualify(String actor, DisqualificationReason reason, String note, Instant at) {
        String because = note == null ? "" : note.strip();
        if (reason.needsNote() && because.isEmpty()) {
            throw new Refusal(
                    "disqualify.note",
                    "Disqualifying as \"" + reason.label() + "\" needs a note saying why.",
                    reason.label());
        }
        Transition out = moveTo(
                LifecycleStage.DISQUALIFIED, actor, reason.label() + (because.isEmpty() ? "" : ": " + because), at);
        return new Transition(out.lead(), out.change().withReasonCode(reason.code()));
    }

    /** Back to nurture until {@code revisitOn}; leaves the sales queue and lets go of the owner. */
    public Transition recycle(String actor, LocalDate revisitOn, String note, Instant at) {
        Objects.requireNonNull(revisitOn, "revisitOn");
        if (!revisitOn.isAfter(LocalDate.ofInstant(at, ZoneOffset.UTC))) {
            throw new Refusal("recycle.past", "The revisit date must be in the future.");
        }
        String because = "revisit on " + revisitOn + (note == null || note.isBlank() ? "" : ": " + note.strip());
        Transition recycled = moveTo(LifecycleStage.RECYCLED, actor, because, at);
        Lead lead = recycled.lead();
        return new Transition(
                new Lead(
                        lead.id,
                        lead.version,
                        lead.externalId,
                        lead.profile,
                        lead.stage,
                        null,
                        revisitOn,
                        lead.createdAt,
                        lead.stageByScore),
                recycled.change());
    }

    /** An accepted lead becomes sales-qualified only when the BANT policy says it is ready. */
    public Transition promoteToSql(String actor, BantAssessment bant, BantPolicy policy, Instant at) {
        BantPolicy.Verdict verdict = policy.evaluate(bant);
        if (!verdict.ready()) {
            throw new NotSalesReadyException(verdict.missing());
        }
        return moveTo(LifecycleStage.SQL, actor, "BANT qualified", at);
    }

    /** Any legal move, recorded with who made it and why. */
    public Transition moveTo(LifecycleStage target, String actor, String reason, Instant at) {
        if (!stage.canMoveTo(target)) {
            throw new IllegalStageChangeException(stage, target);
        }
        return new Transition(
                new Lead(
                        id,
                        version,
                        externalId,
                        profile,
                        target,
                        owner,
                        target == LifecycleStage.RECYCLED ? revisitOn : null,
                        createdAt,
                        SYSTEM.equals(actor)),
                new StageChange(stage, target, actor, reason, at));
    }

    /**
     * A deal's outcome as the CRM reports it: WON or LOST from whatever stage the lead is in (the CRM keeps the deals, and
     * a lead marketing never qualified can still buy). The CRM may correct itself, WON to LOST or back; a lead that has
     * the outcome already does not move.
     */
    public Optional<Transition> closeAs(LifecycleStage outcome, String actor, String reason, Instant at) {
        if (outcome != LifecycleStage.WON && outcome != LifecycleStage.LOST) {
            throw new IllegalArgumentException("A deal's outcome is WON or LOST, not " + outcome + ".");
        }
        if (outcome == LifecycleStage.LOST && (reason == null || reason.isBlank())) {
            throw new Refusal("lost.reason", "Say why the deal was lost.");
        }
        if (stage == outcome) {
            return Optional.empty();
        }
        return Optional.of(new Transition(
                new Lead(id, version, externalId, profile, outcome, owner, null, createdAt, false),
                new StageChange(
                        stage,
                        outcome,
                        actor,
                        reason == null || reason.isBlank() ? outcome.label() : reason.strip(),
                        at)));
    }

    /**
     * The stage the system the lead came from reports (an import's status column): any stage, from wherever an open
     * lead stands, recorded as made by {@link #IMPORT}. Empty when the lead is in that stage already. A closed lead
     * (won, lost or disqualified) is history and is not reopened by a file: that is refused.
     */
    public Optional<Transition> importStage(LifecycleStage target, String said, Instant at) {
        if (target == stage) {
            return Optional.empty();
        }
        if (stage.next().isEmpty()) {
            throw new IllegalStageChangeException(stage, target);
        }
        String reason = said == null || said.isBlank() ? "imported" : "imported as \"" + said.strip() + "\"";
        return Optional.of(new Transition(
                new Lead(id, version, externalId, profile, target, owner, null, createdAt, false),
                new StageChange(stage, target, IMPORT, reason.length() > 200 ? reason.substring(0, 200) : reason, at)));
    }

    /** The same lead with what we know about the person corrected or completed; the keys must still identify it. */
    public Lead withProfile(LeadProfile newProfile) {
        return new Lead(id, version, externalId, newProfile, stage, owner, revisitOn, createdAt, stageByScore);
    }

    public Lead withId(Long newId, Long newVersion) {
        return new Lead(newId, newVersion, externalId, profile, stage, owner, revisitOn, createdAt, stageByScore);
    }

    private Lead withOwner(String newOwner) {
        return new Lead(id, version, externalId, profile, stage, newOwner, revisitOn, createdAt, stageByScore);
    }

    /** The actor recorded for moves the system makes by itself (scoring, decay). */
    public static final String SYSTEM = "system";

    /** The actor recorded for stages an import sets. */
    public static final String IMPORT = "import";

    /** A lead after a move, and the move itself. */
    public record Transition(Lead lead, StageChange change) {}
}
