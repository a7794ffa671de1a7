package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.LeadsBecameMql.RecordedMove;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LeadsMovedTest {

    private static final Instant AT = Instant.parse("2026-12-02T12:00:00Z");

    private static RecordedMove move(long id, LifecycleStage from, LifecycleStage to) {
        return new RecordedMove(id, new StageChange(from, to, "rita", "test", AT));
    }

    @Test
    void sales_moves_are_announced_and_mqls_reassignments_and_score_drops_are_not() {
        var events = LeadsMoved.among(
                List.of(
                        move(1, LifecycleStage.MQL, LifecycleStage.ACCEPTED),
                        move(2, LifecycleStage.NEW, LifecycleStage.MQL),
                        move(3, LifecycleStage.ACCEPTED, LifecycleStage.ACCEPTED),
                        move(4, LifecycleStage.MQL, LifecycleStage.NEW),
                        move(5, LifecycleStage.OPPORTUNITY, LifecycleStage.WON)),
                AT);
        assertThat(events)
                .singleElement()
                .extracting(LeadsMoved::moves)
                .asList()
                .extracting(m -> ((RecordedMove) m).leadId())
                .containsExactly(1L, 5L);
        assertThat(LeadsMoved.among(List.of(move(2, LifecycleStage.NEW, LifecycleStage.MQL)), AT))
                .isEmpty();
    }

    @Test
    void a_large_batch_is_split_into_events_of_at_most_ten_thousand_moves() {
        var moves = LongStream.range(0, 25_001)
                .mapToObj(i -> move(i, LifecycleStage.NEW, LifecycleStage.DISQUALIFIED))
                .toList();
        assertThat(LeadsMoved.among(moves, AT))
                .extracting(e -> e.moves().size())
                .containsExactly(10_000, 10_000, 5_001);
    }
}
