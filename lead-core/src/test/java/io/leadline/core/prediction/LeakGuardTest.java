package io.leadline.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Planted leaks of each kind a real CRM has, each caught for its own reason, and honest fields left alone. */
class LeakGuardTest {

    private static final String[] SOURCES = {"paid_search", "organic_search", "email", "referral"};
    private static final String[] TITLES = {"ceo", "manager", "analyst", "student"};

    /**
     * Leads whose wins depend a little on source and title; a sales status that follows the outcome loosely (alone
     * under the old 0.9 threshold), a rating filled when a lead is resolved, and a call length that tracks the outcome.
     */
    private static List<Example> leads(int n, long seed, boolean open) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int s = random.nextInt(SOURCES.length);
            int t = random.nextInt(TITLES.length);
            double p = 0.08 + 0.06 * s + 0.05 * (TITLES.length - 1 - t);
            boolean won = !open && random.nextDouble() < p;
            Map<String, String> categorical = new HashMap<>();
            categorical.put("source", SOURCES[s]);
            categorical.put("job title", TITLES[t]);
            categorical.put("region", random.nextBoolean() ? "north" : "south");
            if (!open) {
                boolean truthful = random.nextDouble() < 0.6;
                categorical.put(
                        "sales status",
                        (won == truthful)
                                ? (random.nextBoolean() ? "closed won" : "converted")
                                : (random.nextBoolean() ? "not interested" : "ringing"));
                if (random.nextDouble() < 0.9) {
                    categorical.put("quality rating", random.nextDouble() < (won ? 0.6 : 0.4) ? "good" : "fair");
                }
            } else if (random.nextDouble() < 0.05) {
                categorical.put("quality rating", "fair");
            }
            Map<String, Double> numeric = new HashMap<>();
            numeric.put("call seconds", won ? 200 + 400 * random.nextDouble() : 60 + 300 * random.nextDouble());
            numeric.put("web visits", (double) random.nextInt(5) + (won ? 1 : 0) * random.nextInt(2));
            examples.add(new Example(categorical, numeric, won));
        }
        return examples;
    }

    private static Map<String, LikelihoodTrainer.FieldCheck> checks(LikelihoodTrainer.Trained trained) {
        return trained.fields().stream()
                .collect(Collectors.toMap(LikelihoodTrainer.FieldCheck::field, Function.identity()));
    }

    @Test
    void status_values_resolved_only_fields_and_a_dominant_field_are_flagged_and_honest_ones_used() {
        var trained = LikelihoodTrainer.train(
                leads(6000, 1, false), leads(600, 2, true), Set.of(), Set.of(), LikelihoodTrainer.Settings.defaults());
        var checks = checks(trained);

        assertThat(checks.get("sales status").aloneAuc())
                .as("under the old threshold")
                .isLessThan(0.9);
        assertThat(checks.get("sales status").why())
                .startsWith("its values read like outcomes or sales statuses (closed won, converted");
        assertThat(checks.get("quality rating").why())
                .startsWith("filled in for 90 % of won or lost leads but 5 % of open ones");
        assertThat(checks.get("call seconds").why())
                .startsWith("the model leans on it far more than on any other field");
        for (String honest : List.of("source", "job title", "region", "web visits")) {
            assertThat(checks.get(honest).leaking()).as(honest).isFalse();
            assertThat(checks.get(honest).used()).as(honest).isTrue();
        }
        assertThat(trained.model().columns())
                .noneMatch(c ->
                        Set.of("sales status", "quality rating", "call seconds").contains(c.field()));
    }

    @Test
    void an_admin_includes_a_flagged_field_knowingly_and_leaves_out_an_honest_one() {
        var trained = LikelihoodTrainer.train(
                leads(3000, 3, false),
                leads(300, 4, true),
                Set.of("call seconds"),
                Set.of("region"),
                LikelihoodTrainer.Settings.defaults());
        var checks = checks(trained);
        assertThat(checks.get("call seconds").leaking()).isTrue();
        assertThat(checks.get("call seconds").used()).isTrue();
        assertThat(checks.get("region").leaking()).isFalse();
        assertThat(checks.get("region").used()).isFalse();
        assertThat(trained.model().columns()).noneMatch(c -> c.field().equals("region"));
    }

    @Test
    void a_field_filled_after_the_mql_for_most_resolved_leads_is_flagged_where_the_history_says_so() {
        Random random = new Random(11);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            boolean won = random.nextDouble() < 0.2;
            examples.add(new Example(
                    Map.of(
                            "source",
                            SOURCES[random.nextInt(SOURCES.length)],
                            "deal size band",
                            random.nextBoolean() ? "small" : "large"),
                    Map.of(),
                    won));
        }
        var without = LikelihoodTrainer.review(examples, List.of(), LikelihoodTrainer.Settings.defaults());
        assertThat(without)
                .filteredOn(c -> c.field().equals("deal size band"))
                .extracting(LikelihoodTrainer.FieldCheck::leaking)
                .containsExactly(false);

        var history =
                new FieldHistory(Map.of("deal size band", new long[] {1500, 2000}, "source", new long[] {3, 2000}));
        var checks = LikelihoodTrainer.review(examples, List.of(), LikelihoodTrainer.Settings.defaults(), history);
        assertThat(checks)
                .filteredOn(LikelihoodTrainer.FieldCheck::leaking)
                .extracting(LikelihoodTrainer.FieldCheck::field)
                .containsExactly("deal size band");
        assertThat(checks)
                .filteredOn(c -> c.field().equals("deal size band"))
                .first()
                .extracting(LikelihoodTrainer.FieldCheck::why)
                .asString()
                .contains("only after the lead became an MQL for 1500 of the 2000");
    }
}
