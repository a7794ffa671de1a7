package io.leadline.web.duplicates;

import io.leadline.core.duplicates.LeadMerged;
import io.leadline.core.duplicates.LeadMerges;
import io.leadline.core.duplicates.MergePlan;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.web.capture.LeadEditing;
import io.leadline.web.capture.LeadEditing.EditConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Merges two leads that are one person, all or nothing: the merged lead's history moves to the survivor
 * ({@link LeadMerges}), the survivor takes the chosen fields ({@link MergePlan}), is scored once, and the merge is
 * audited with what the merged lead held and published as {@link LeadMerged} (webhooks tell the CRM).
 */
@Service
public class LeadMerging {

    private final Leads leads;
    private final LeadMerges merges;
    private final LeadEditing editing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadMerging(Leads leads, LeadMerges merges, LeadEditing editing, ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.merges = merges;
        this.editing = editing;
        this.events = events;
        this.clock = clock;
    }

    /** A merge this user may not make: leads of two reps are merged by an admin. */
    public static class MergeRefusedException extends RuntimeException {
        MergeRefusedException(String message) {
            super(message);
        }
    }

    /** The plan for two leads as they are now, with {@code survivorId} surviving. */
    public MergePlan plan(long survivorId, long mergedId) {
        if (survivorId == mergedId) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A lead cannot be merged into itself.");
        }
        return new MergePlan(find(survivorId), find(mergedId));
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}, both as last read ({@code versions} seen on the page), taking
     * the fields named in {@code fromMerged} from the merged lead; answers the survivor as stored and scored.
     */
    @Transactional
    public Lead merge(
            long survivorId,
            long survivorVersion,
            long mergedId,
            long mergedVersion,
            Set<String> fromMerged,
            String by,
            boolean admin) {
        MergePlan plan = plan(survivorId, mergedId);
        if (!Objects.equals(plan.survivor().version(), survivorVersion)
                || !Objects.equals(plan.merged().version(), mergedVersion)) {
            throw new EditConflictException();
        }
        if (plan.needsAdmin() && !admin) {
            throw new MergeRefusedException("These leads belong to two reps ("
                    + plan.survivor().owner() + " and " + plan.merged().owner()
                    + "): an admin merges them, so that neither rep loses a lead unawares.");
        }
        Instant now = Instant.now(clock);
        Lead result;
        try {
            result = plan.result(fromMerged);
        } catch (IllegalArgumentException e) {
            throw new MergeRefusedException("That choice leaves the lead without what it needs: " + e.getMessage());
        }
        List<String> taken = plan.taken(fromMerged);
        merges.move(survivorId, mergedId, by, now);
        Lead saved = editing.scoreNow(leads.save(result));
        events.publishEvent(new LeadMerged(
                survivorId,
                mergedId,
                plan.merged().displayName() + ", " + plan.merged().stage().label(),
                taken,
                by,
                now));
        return saved;
    }

    private Lead find(long id) {
        return leads.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id));
    }
}
