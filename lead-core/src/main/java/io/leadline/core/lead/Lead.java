package io.leadline.core.lead;

import io.leadline.core.scoring.Score;
import java.time.Instant;
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
 */
public record Lead(Long id, Long version, String externalId, LeadProfile profile, LifecycleStage stage, String owner,
                   Instant createdAt) {

    public Lead {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A lead as it is first captured: stage NEW, nobody owns it yet. */
    public static Lead capture(LeadProfile profile, Instant at) {
        return capture(profile, null, at);
    }

    /** A lead first seen in another system under {@code externalId}. */
    public static Lead capture(LeadProfile profile, String externalId, Instant at) {
        return new Lead(null, null, externalId == null || externalId.isBlank() ? null : externalId.strip(), profile,
                LifecycleStage.NEW, null, at);
    }

    /** The lead after (re)scoring: a NEW or recycled lead whose score reaches the MQL threshold becomes an MQL. */
    public Optional<Transition> qualifyBy(Score score, Instant at) {
        if (score.reachesMql() && (stage == LifecycleStage.NEW || stage == LifecycleStage.RECYCLED)) {
            return Optional.of(moveTo(LifecycleStage.MQL, SYSTEM,
                    "score " + score.total() + " reached the MQL threshold of " + score.mqlThreshold(), at));
        }
        if (!score.reachesMql() && stage == LifecycleStage.MQL && owner == null) {
            return Optional.of(moveTo(LifecycleStage.NEW, SYSTEM,
                    "score " + score.total() + " fell below the MQL threshold of " + score.mqlThreshold(), at));
        }
        return Optional.empty();
    }

    /** A sales rep takes an unassigned MQL: it becomes theirs and moves to ACCEPTED. */
    public Transition claim(String rep, Instant at) {
        Objects.requireNonNull(rep, "rep");
        if (owner != null) {
            throw new LeadAlreadyClaimedException(owner);
        }
        Transition accepted = moveTo(LifecycleStage.ACCEPTED, rep, "claimed by " + rep, at);
        return new Transition(accepted.lead().withOwner(rep), accepted.change());
    }

    /** Any legal move, recorded with who made it and why. */
    public Transition moveTo(LifecycleStage target, String actor, String reason, Instant at) {
        if (!stage.canMoveTo(target)) {
            throw new IllegalStageChangeException(stage, target);
        }
        return new Transition(new Lead(id, version, externalId, profile, target, owner, createdAt),
                new StageChange(stage, target, actor, reason, at));
    }

    public Lead withId(Long newId, Long newVersion) {
        return new Lead(newId, newVersion, externalId, profile, stage, owner, createdAt);
    }

    private Lead withOwner(String newOwner) {
        return new Lead(id, version, externalId, profile, stage, newOwner, createdAt);
    }

    /** The actor recorded for moves the system makes by itself (scoring, decay). */
    public static final String SYSTEM = "system";

    /** A lead after a move, and the move itself. */
    public record Transition(Lead lead, StageChange change) {
    }
}
