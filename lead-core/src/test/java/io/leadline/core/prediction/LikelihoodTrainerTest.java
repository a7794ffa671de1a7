package io.leadline.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LikelihoodTrainerTest {

    private static final LikelihoodTrainer.Settings SETTINGS = LikelihoodTrainer.Settings.defaults();

    /** Leads whose source decides the outcome now and then (noise), plus fields the test plants. */
    private static List<Example> leads(long seed, int count, double noise, boolean plantLeaks) {
        Random random = new Random(seed);
        String[] sources = {"paid search", "organic search", "email", "referral"};
        double[] winRate = {0.05, 0.15, 0.3, 0.6};
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int s = random.nextInt(sources.length);
            boolean won = random.nextDouble() < (noise == 0 ? (s >= 2 ? 1 : 0) : winRate[s]);
            Map<String, String> categorical = new HashMap<>();
            categorical.put("source", sources[s]);
            categorical.put("colour", random.nextBoolean() ? "red" : "blue");
            Map<String, Double> numeric = new HashMap<>();
            numeric.put("email opens", (double) random.nextInt(10));
            if (plantLeaks) {
                if (won) {
                    categorical.put("business segment", random.nextBoolean() ? "home decor" : "pets");
                    numeric.put("declared revenue", 1000.0 + random.nextInt(5000));
                }
                categorical.put("deal stage", won ? "closed" : "open");
            }
            examples.add(new Example(categorical, numeric, won));
        }
        return examples;
    }

    @Test
    void a_separable_set_is_ranked_perfectly_on_the_held_out_leads() {
        // A field that decides the outcome alone looks like a leak: the guard flags it; the admin includes it
        // knowingly.
        var guarded = LikelihoodTrainer.train(leads(1, 600, 0, false), Set.of(), SETTINGS);
        assertThat(guarded.fields())
                .filteredOn(f -> f.field().equals("source"))
                .singleElement()
                .satisfies(f -> assertThat(f.leaking()).isTrue());

        var trained = LikelihoodTrainer.train(leads(1, 600, 0, false), Set.of("source"), SETTINGS);
        assertThat(trained.auc()).isEqualTo(1.0);
        assertThat(trained.heldOutLeads()).isEqualTo(180);
        assertThat(trained.trainingLeads() + trained.heldOutLeads()).isEqualTo(600);
        assertThat(trained.model().strongest(2))
                .extracting(PredictiveModel.Column::field)
                .containsOnly("source");
    }

    @Test
    void fields_recorded_once_a_deal_exists_are_flagged_and_left_out_unless_included_knowingly() {
        var trained = LikelihoodTrainer.train(leads(2, 2000, 1, true), Set.of(), SETTINGS);

        var byField = new HashMap<String, LikelihoodTrainer.FieldCheck>();
        trained.fields().forEach(f -> byField.put(f.field(), f));
        assertThat(byField.get("business segment").leaking()).isTrue();
        assertThat(byField.get("business segment").why())
                .startsWith("filled in for 100 % of won leads and 0 % of the others");
        assertThat(byField.get("declared revenue").leaking()).isTrue();
        assertThat(byField.get("deal stage").leaking()).isTrue();
        assertThat(byField.get("deal stage").why()).contains("on its own it ranks won leads almost perfectly");
        assertThat(byField.get("source").leaking()).isFalse();
        assertThat(byField.get("colour").leaking()).isFalse();
        assertThat(trained.model().columns())
                .extracting(PredictiveModel.Column::field)
                .doesNotContain("business segment", "declared revenue", "deal stage")
                .contains("source");
        assertThat(trained.auc()).as("honest: the source alone").isBetween(0.6, 0.9);

        var knowingly = LikelihoodTrainer.train(leads(2, 2000, 1, true), Set.of("deal stage"), SETTINGS);
        assertThat(knowingly.fields().stream()
                        .filter(f -> f.field().equals("deal stage"))
                        .findFirst()
                        .orElseThrow()
                        .used())
                .isTrue();
        assertThat(knowingly.auc()).as("the leak makes the model look perfect").isGreaterThan(0.99);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4, 5, 6, 7})
    void on_noisy_data_the_model_ranks_better_than_chance_and_its_probabilities_stay_honest(long seed) {
        var trained = LikelihoodTrainer.train(leads(seed, 3000, 1, false), Set.of(), SETTINGS);

        assertThat(trained.auc()).isGreaterThan(0.7);
        assertThat(trained.brier()).isLessThan(0.2);
        assertThat(trained.calibration()).hasSize(10);
        for (var decile : trained.calibration()) {
            assertThat(decile.predicted()).isBetween(0.0, 1.0);
            assertThat(Math.abs(decile.predicted() - decile.observed()))
                    .as("decile " + decile.decile())
                    .isLessThan(0.2);
        }
        var mean = trained.calibration().stream()
                        .mapToDouble(d -> d.predicted() * d.leads())
                        .sum()
                / trained.heldOutLeads();
        var observed = trained.calibration().stream()
                        .mapToDouble(d -> d.observed() * d.leads())
                        .sum()
                / trained.heldOutLeads();
        assertThat(mean).as("calibrated in the large").isCloseTo(observed, Offset.offset(0.05));
    }

    @Test
    void the_split_keeps_the_share_of_won_leads_and_is_the_same_each_time() {
        var examples = leads(8, 1000, 1, false);
        int[][] a = LikelihoodTrainer.split(examples, SETTINGS);
        int[][] b = LikelihoodTrainer.split(examples, SETTINGS);
        assertThat(a[1]).isEqualTo(b[1]);
        double wonShare = examples.stream().filter(Example::won).count() / 1000.0;
        double heldOutWon =
                Arrays.stream(a[1]).filter(i -> examples.get(i).won()).count() / (double) a[1].length;
        assertThat(heldOutWon).isCloseTo(wonShare, Offset.offset(0.01));
    }

    @Test
    void training_without_both_outcomes_is_refused_with_a_reason() {
        List<Example> onlyWins = List.of(new Example(Map.of(), Map.of(), true), new Example(Map.of(), Map.of(), true));
        assertThatThrownBy(() -> LikelihoodTrainer.train(onlyWins, Set.of(), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 won and 0 others");
    }

    @Test
    void rare_values_share_one_column_and_unknown_ones_fall_into_it() {
        List<Example> examples = new ArrayList<>(leads(9, 500, 1, false));
        examples.add(new Example(Map.of("source", "carrier pigeon"), Map.of(), false));
        var trained = LikelihoodTrainer.train(examples, Set.of(), SETTINGS);
        assertThat(trained.model().columns())
                .extracting(PredictiveModel.Column::label)
                .contains("source = (other)");
        double p = trained.model().likelihood(new Example(Map.of("source", "smoke signals"), Map.of(), false));
        assertThat(p).isBetween(0.0, 1.0);
    }
}
