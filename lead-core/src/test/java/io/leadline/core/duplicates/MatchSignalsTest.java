package io.leadline.core.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

class MatchSignalsTest {

    @Test
    void one_mailbox_is_nearly_certain_a_shared_common_name_alone_is_a_hint() {
        assertThat(new MatchSignals(true, false, false, false, 0).confidence()).isEqualTo(0.97);
        assertThat(new MatchSignals(false, true, false, false, 0.7).confidence())
                .isEqualTo(0.92);
        assertThat(new MatchSignals(false, true, false, false, 0.1).confidence())
                .isEqualTo(0.8);
        assertThat(new MatchSignals(false, false, false, true, 0.74).confidence())
                .isEqualTo(0.81);
        assertThat(new MatchSignals(false, false, false, true, 0.55).confidence())
                .as("the least alike names offered")
                .isEqualTo(0.7);
        assertThat(new MatchSignals(false, false, true, true, 1).confidence()).isEqualTo(0.95);
        assertThat(new MatchSignals(false, false, true, false, 1).offered())
                .as("the same name and nothing else")
                .isFalse();
        assertThat(new MatchSignals(false, false, false, true, 0.5).offered())
                .as("unlike names at one company")
                .isFalse();
        assertThat(new MatchSignals(false, false, false, false, 0.9).offered())
                .as("alike names, nothing else")
                .isFalse();
        assertThat(new MatchSignals(false, true, false, true, 0.74).reasons())
                .containsExactly("same phone", "similar name", "same company");
        assertThatThrownBy(() -> new MatchSignals(false, false, false, false, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharing_more_never_lowers_the_confidence() {
        QuickTheory.qt()
                .withExamples(2_000)
                .forAll(
                        SourceDSL.integers().between(0, 15),
                        SourceDSL.integers().between(0, 100),
                        SourceDSL.integers().between(0, 3))
                .checkAssert((bits, similarity, extra) -> {
                    MatchSignals some = signals(bits, similarity / 100.0);
                    MatchSignals more = signals(bits | (1 << extra), similarity / 100.0);
                    assertThat(more.confidence()).isGreaterThanOrEqualTo(some.confidence());
                    assertThat(some.confidence()).isBetween(0.0, 1.0);
                });
    }

    private static MatchSignals signals(int bits, double similarity) {
        return new MatchSignals((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, similarity);
    }
}
