package io.leadline.core.lead;

import io.leadline.core.lead.LeadsBecameMql.RecordedMove;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Leads moved on by sales or out of play — claimed, SQL, opportunity, won, lost, disqualified, recycled: announced
 * with the moves, at most {@link LeadsBecameMql#MAX_LEADS} an event. MQLs have their own event, {@link LeadsBecameMql};
 * a reassignment (same stage) and a score's move back to New are not announced.
 */
public record LeadsMoved(List<RecordedMove> moves, Instant at) {

    private static final Set<LifecycleStage> ANNOUNCED = EnumSet.of(
            LifecycleStage.ACCEPTED,
            LifecycleStage.SQL,
            LifecycleStage.OPPORTUNITY,
            LifecycleStage.WON,
            LifecycleStage.LOST,
            LifecycleStage.DISQUALIFIED,
            LifecycleStage.RECYCLED);

    public LeadsMoved {
        moves = List.copyOf(moves);
    }

    /** The events for these recorded moves: the ones to another stage than MQL, in chunks. */
    public static List<LeadsMoved> among(List<RecordedMove> recorded, Instant at) {
        List<RecordedMove> moved = recorded.stream()
                .filter(m -> ANNOUNCED.contains(m.change().to())
                        && m.change().to() != m.change().from())
                .toList();
        List<LeadsMoved> events = new ArrayList<>();
        for (int i = 0; i < moved.size(); i += LeadsBecameMql.MAX_LEADS) {
            events.add(new LeadsMoved(moved.subList(i, Math.min(moved.size(), i + LeadsBecameMql.MAX_LEADS)), at));
        }
        return events;
    }
}
