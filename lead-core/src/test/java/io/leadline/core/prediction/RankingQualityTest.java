package io.leadline.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingQualityTest {

    @Test
    void auc_counts_pairs_ranked_right_and_ties_as_half() {
        assertThat(RankingQuality.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.75);
        assertThat(RankingQuality.auc(new double[] {1, 1}, new boolean[] {true, false}))
                .isEqualTo(0.5);
        assertThat(RankingQuality.auc(new double[] {1, 2}, new boolean[] {true, true}))
                .isNull();
    }

    @Test
    void deciles_are_ten_equal_groups_by_prediction_with_their_mean_and_win_share() {
        double[] p = new double[20];
        boolean[] won = new boolean[20];
        for (int i = 0; i < 20; i++) {
            p[19 - i] = i / 20.0; // given in reverse order on purpose
            won[19 - i] = i % 2 == 1; // in each pair of neighbours, the higher one won
        }
        var deciles = RankingQuality.deciles(p, won);
        assertThat(deciles).hasSize(10);
        assertThat(deciles.getFirst().leads()).isEqualTo(2);
        assertThat(deciles.getFirst().predicted()).isCloseTo(0.025, within(1e-9));
        assertThat(deciles.getFirst().observed()).isEqualTo(0.5);
        assertThat(deciles.getLast().predicted()).isCloseTo(0.925, within(1e-9));
    }

    @Test
    void the_brier_score_is_the_mean_squared_error_of_the_probabilities() {
        assertThat(RankingQuality.brier(new double[] {1, 0, 0.5}, new boolean[] {true, false, true}))
                .isCloseTo(0.25 / 3, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "'  Paid   Search ', paid_search",
                "paid-search, paid_search",
                "Select, NULL",
                "N/A, NULL",
                "'[not provided]', NULL",
                "'', NULL",
                "NULL, NULL",
                "Home Decor, home_decor",
                "A+, a+"
            })
    void field_values_are_normalised_and_placeholders_are_missing(String raw, String expected) {
        assertThat(FieldValues.normalise(raw)).isEqualTo(expected);
    }
}
