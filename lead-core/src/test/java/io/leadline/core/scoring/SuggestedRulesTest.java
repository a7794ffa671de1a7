package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.LeadProfile;
import io.leadline.core.prediction.RankingQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestedRulesTest {

    /** Referrals win 40 %, other sources 10 %; big companies a little more; the colour says nothing. */
    private static List<ModelComparison.Sample> leads(int n, long seed) {
        Random random = new Random(seed);
        String[] sources = {"Referral", "Paid Search", "Email", "Display"};
        List<ModelComparison.Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String source = sources[random.nextInt(sources.length)];
            int size = 1 + random.nextInt(5000);
            double p = (source.equals("Referral") ? 0.4 : 0.1) + (size > 2500 ? 0.1 : 0);
            samples.add(new ModelComparison.Sample(
                    i,
                    new LeadProfile(
                            null,
                            null,
                            null,
                            null,
                            size,
                            null,
                            source,
                            Map.of("Colour", random.nextBoolean() ? "red" : "blue")),
                    List.of(),
                    random.nextDouble() < p));
        }
        return samples;
    }

    @Test
    void values_that_win_more_often_earn_points_with_their_evidence_and_the_suggestion_ranks_new_leads() {
        var suggestion = SuggestedRules.from(
                leads(4000, 1), Set.of("source", "company_size", "colour"), StarterModel.version1(), 7);

        FitRule referral = suggestion.model().fitRules().stream()
                .filter(r -> r.name().equals("Source is referral"))
                .findFirst()
                .orElseThrow();
        // Fitted together: referral (40 % won against 10 %) stands well above every other source.
        assertThat(referral.points()).isPositive();
        assertThat(suggestion.model().fitRules().stream()
                        .filter(r -> r.when().field().equals("source") && r != referral)
                        .mapToInt(FitRule::points))
                .allMatch(p -> p <= referral.points() - 10);
        assertThat(referral.when()).isEqualTo(new LeadCondition.OneOf("source", Set.of("referral")));
        assertThat(suggestion.evidence())
                .anyMatch(e -> e.startsWith("Source is referral (+") && e.contains("% won (all leads:"));
        assertThat(suggestion.model().fitRules()).anyMatch(r -> r.when() instanceof LeadCondition.NumericRange);
        assertThat(suggestion.model().fitRules().stream()
                        .filter(r -> r.when().field().equals("colour"))
                        .mapToInt(FitRule::points))
                .allMatch(p -> Math.abs(p) <= 3);
        assertThat(suggestion.model().version()).isEqualTo(7);
        assertThat(suggestion.model().engagementRules())
                .isEqualTo(StarterModel.version1().engagementRules());

        List<ModelComparison.Sample> fresh = leads(2000, 2);
        double[] scores = fresh.stream()
                .mapToDouble(s -> suggestion.model().score(s.profile()).total())
                .toArray();
        boolean[] won = new boolean[fresh.size()];
        for (int i = 0; i < won.length; i++) {
            won[i] = fresh.get(i).won();
        }
        assertThat(RankingQuality.auc(scores, won)).isGreaterThan(0.65);
        long mqls = fresh.stream()
                .filter(s -> suggestion.model().score(s.profile()).reachesMql())
                .count();
        assertThat(mqls).as("about the best fifth").isBetween(200L, 900L);
    }

    @Test
    void without_both_outcomes_there_is_nothing_to_learn() {
        var allWon = leads(100, 3).stream()
                .map(s -> new ModelComparison.Sample(s.leadId(), s.profile(), List.of(), true))
                .toList();
        assertThatThrownBy(() -> SuggestedRules.from(allWon, Set.of("source"), StarterModel.version1(), 2))
                .hasMessageContaining("needs won and not-won leads");
    }
}
