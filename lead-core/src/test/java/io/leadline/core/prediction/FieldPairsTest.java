package io.leadline.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldPairsTest {

    /** Wins when region and channel match (north by phone, south by email): neither field says anything alone. */
    private static List<Example> leads(long seed, int n) {
        Random random = new Random(seed);
        String[] regions = {"north", "south"};
        String[] channels = {"phone", "email"};
        String[] noise = {"a", "b", "c"};
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(2);
            int c = random.nextInt(2);
            double rate = r == c ? 0.4 : 0.05;
            examples.add(new Example(
                    Map.of("region", regions[r], "channel", channels[c], "tier", noise[random.nextInt(3)]),
                    Map.of(),
                    random.nextDouble() < rate));
        }
        return examples;
    }

    @Test
    void two_fields_that_only_speak_together_become_a_pair_and_the_model_learns_it() {
        List<Example> examples = leads(5, 6000);
        assertThat(FieldPairs.find(examples, List.of("region", "channel", "tier"), 42))
                .containsExactly("region × channel");
        var trained = LikelihoodTrainer.train(examples, Set.of(), LikelihoodTrainer.Settings.defaults());
        assertThat(trained.auc())
                .as("a linear model without the pair would be at chance; 0.75 is the best possible")
                .isGreaterThan(0.7);
        double match =
                trained.model().likelihood(new Example(Map.of("region", "north", "channel", "phone"), Map.of(), false));
        double mismatch =
                trained.model().likelihood(new Example(Map.of("region", "north", "channel", "email"), Map.of(), false));
        assertThat(match).isGreaterThan(3 * mismatch);
        assertThat(trained.model().inputFields()).contains("region", "channel").doesNotContain("region × channel");
    }

    @Test
    void fields_without_a_joint_effect_stay_apart() {
        Random random = new Random(9);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            int a = random.nextInt(3);
            int b = random.nextInt(3);
            examples.add(new Example(
                    Map.of("a", "a" + a, "b", "b" + b), Map.of(), random.nextDouble() < 0.05 + 0.1 * a + 0.05 * b));
        }
        assertThat(FieldPairs.find(examples, List.of("a", "b"), 42)).isEmpty();
    }
}
