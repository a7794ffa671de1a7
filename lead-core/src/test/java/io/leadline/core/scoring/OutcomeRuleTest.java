package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final OutcomeRule rule = OutcomeRule.defaults();

    @ParameterizedTest
    @CsvSource({
        "842, 0, false",
        "842, 1, false",
        "842, 83, false",
        "842, 84, true",
        "5, 9, false",
        "5, 10, true",
        "0, 40000, true"
    })
    void a_handful_of_losses_among_many_wins_does_not_count_as_recording_losses(long won, long lost, boolean recorded) {
        assertThat(OutcomeRule.lossesRecorded(won, lost)).isEqualTo(recorded);
    }

    @Test
    void recorded_outcomes_always_count() {
        assertThat(rule.outcome(true, NOW, NOW, false)).isTrue();
        assertThat(rule.outcome(false, NOW, NOW, true)).isFalse();
    }

    @Test
    void without_recorded_losses_only_stale_open_leads_count_as_not_won() {
        assertThat(rule.outcome(null, NOW.minus(Duration.ofDays(90)), NOW, false))
                .isFalse();
        assertThat(rule.outcome(null, NOW.minus(Duration.ofDays(89)), NOW, false))
                .as("may still win")
                .isNull();
        assertThat(rule.outcome(null, NOW.minus(Duration.ofDays(400)), NOW, true))
                .as("losses are recorded: open is open")
                .isNull();
        assertThat(rule.describe(false)).contains("older than 90 days");
        assertThat(rule.describe(true)).isEmpty();
    }

    @Test
    void the_age_is_bounded() {
        assertThatThrownBy(() -> new OutcomeRule(0)).hasMessageContaining("1 to 3650");
    }

    @Test
    void a_back_test_worse_than_a_coin_toss_or_with_one_kind_of_outcome_is_a_warning() {
        var bands = List.of(new ModelComparison.Band("below 20", 10, 10), new ModelComparison.Band("20–39", 5, 5));
        assertThat(new ModelComparison.Side(1, 0, 0.5, bands).warning())
                .get()
                .asString()
                .contains("all of one kind");
        assertThat(new ModelComparison.Side(1, 0, 0.003, List.of()).warning())
                .get()
                .asString()
                .contains("worse than a coin toss");
        var mixed = List.of(new ModelComparison.Band("below 20", 10, 1), new ModelComparison.Band("20–39", 5, 3));
        assertThat(new ModelComparison.Side(1, 0, 0.71, mixed).warning()).isEmpty();
        assertThat(new ModelComparison.Side(1, 0, null, mixed).warning()).isEmpty();
    }
}
