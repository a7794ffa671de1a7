package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.LeadsBecameMql.RecordedMove;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LeadsBecameMqlTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void only_moves_into_mql_make_the_event() {
        List<RecordedMove> moves = List.of(
                move(1, LifecycleStage.NEW, LifecycleStage.MQL),
                move(2, LifecycleStage.MQL, LifecycleStage.ACCEPTED),
                move(3, LifecycleStage.RECYCLED, LifecycleStage.MQL),
                move(4, LifecycleStage.NEW, LifecycleStage.DISQUALIFIED));

        assertThat(LeadsBecameMql.among(moves, AT)).containsExactly(new LeadsBecameMql(List.of(1L, 3L), AT));
    }

    @Test
    void no_mql_no_event() {
        assertThat(LeadsBecameMql.among(List.of(move(2, LifecycleStage.MQL, LifecycleStage.NEW)), AT))
                .isEmpty();
    }

    @Test
    void a_large_set_is_split_into_events_of_at_most_max_leads_each_naming_every_lead_once() {
        List<Long> ids = LongStream.rangeClosed(1, 2 * LeadsBecameMql.MAX_LEADS + 7)
                .boxed()
                .toList();

        List<LeadsBecameMql> events = LeadsBecameMql.of(ids, AT);

        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(e -> assertThat(e.leadIds().size()).isBetween(1, LeadsBecameMql.MAX_LEADS));
        assertThat(events.stream().flatMap(e -> e.leadIds().stream()).toList()).isEqualTo(ids);
    }

    @Test
    void an_event_names_at_least_one_lead() {
        assertThatThrownBy(() -> new LeadsBecameMql(List.of(), AT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RecordedMove move(long id, LifecycleStage from, LifecycleStage to) {
        return new RecordedMove(id, new StageChange(from, to, Lead.SYSTEM, "test", AT));
    }
}
