package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.leadline.core.scoring.ScoresCrossed.Crossing;
import io.leadline.core.scoring.ScoresCrossed.Direction;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ScoresCrossedTest {

    @Test
    void reaching_the_threshold_from_below_crosses_up_and_leaving_it_crosses_down() {
        assertThat(Crossing.of(1, 49, 50, 50))
                .get()
                .extracting(Crossing::direction)
                .isEqualTo(Direction.UP);
        assertThat(Crossing.of(1, 50, 49, 50))
                .get()
                .extracting(Crossing::direction)
                .isEqualTo(Direction.DOWN);
        assertThat(Crossing.of(1, 50, 80, 50)).as("already above").isEmpty();
        assertThat(Crossing.of(1, 10, 49, 50)).as("still below").isEmpty();
        assertThatThrownBy(() -> new Crossing(1, 10, 20, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_crossing_is_exactly_a_change_of_side() {
        qt().forAll(
                        integers().between(-500, 500),
                        integers().between(-500, 500),
                        integers().between(-100, 200))
                .check((from, to, threshold) ->
                        Crossing.of(7, from, to, threshold).isPresent() == ((from >= threshold) != (to >= threshold)));
    }

    @Test
    void going_there_and_back_crosses_up_then_down() {
        // below = threshold - a (a ≥ 1), at or above = threshold + b (b ≥ 0)
        qt().forAll(
                        integers().between(1, 500),
                        integers().between(0, 500),
                        integers().between(-100, 200))
                .check((a, b, threshold) -> Crossing.of(7, threshold - a, threshold + b, threshold)
                                        .orElseThrow()
                                        .direction()
                                == Direction.UP
                        && Crossing.of(7, threshold + b, threshold - a, threshold)
                                        .orElseThrow()
                                        .direction()
                                == Direction.DOWN);
    }

    @Test
    void many_crossings_are_split_into_events_of_at_most_the_limit() {
        List<Crossing> crossings = LongStream.rangeClosed(1, ScoresCrossed.MAX_CROSSINGS * 2L + 1)
                .mapToObj(id -> new Crossing(id, 0, 60, 50))
                .toList();
        List<ScoresCrossed> events = ScoresCrossed.of(crossings, Instant.EPOCH);
        assertThat(events)
                .extracting(e -> e.crossings().size())
                .containsExactly(ScoresCrossed.MAX_CROSSINGS, ScoresCrossed.MAX_CROSSINGS, 1);
        assertThat(ScoresCrossed.of(List.of(), Instant.EPOCH)).isEmpty();
    }
}
