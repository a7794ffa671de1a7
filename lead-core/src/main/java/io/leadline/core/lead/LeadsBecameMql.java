package io.leadline.core.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Leads reached the MQL stage, and their move is stored: one lead (a form, an edit, an activity) or many at once (an
 * import's chunk, a rescoring's chunk: one event for thousands of leads keeps the outbox small). Published in the
 * transaction that recorded the moves and delivered after it commits, at least once; listeners (round-robin
 * assignment, later the inbox and webhooks) must take a second delivery calmly.
 */
public record LeadsBecameMql(List<Long> leadIds, Instant at) {

    /** The most leads one event names; a larger set is split into several events. */
    public static final int MAX_LEADS = 10_000;

    public LeadsBecameMql {
        leadIds = List.copyOf(leadIds);
        Objects.requireNonNull(at, "at");
        if (leadIds.isEmpty() || leadIds.size() > MAX_LEADS) {
            throw new IllegalArgumentException("An event names 1 to " + MAX_LEADS + " leads, not " + leadIds.size());
        }
    }

    /** The events that the recorded moves make: one per {@link #MAX_LEADS} leads that moved into MQL. */
    public static List<LeadsBecameMql> among(List<RecordedMove> moves, Instant at) {
        List<Long> ids = moves.stream()
                .filter(m -> m.change().to() == LifecycleStage.MQL)
                .map(RecordedMove::leadId)
                .toList();
        return of(ids, at);
    }

    /** Events naming these leads, {@link #MAX_LEADS} at most each; none for no leads. */
    public static List<LeadsBecameMql> of(List<Long> leadIds, Instant at) {
        List<LeadsBecameMql> events = new ArrayList<>();
        for (int from = 0; from < leadIds.size(); from += MAX_LEADS) {
            events.add(new LeadsBecameMql(leadIds.subList(from, Math.min(leadIds.size(), from + MAX_LEADS)), at));
        }
        return events;
    }

    /** A stage change of a stored lead. */
    public record RecordedMove(long leadId, StageChange change) {}
}
