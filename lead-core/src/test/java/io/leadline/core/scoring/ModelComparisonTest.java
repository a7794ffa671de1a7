package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final ScoringModel starter = StarterModel.version1();

    private static ModelComparison.Sample sample(long id, String title, Boolean won) {
        return new ModelComparison.Sample(
                id,
                new LeadProfile(
                        "L" + id, new EmailAddress("l" + id + "@acme.com"), "Acme", title, 20, "BR", "email", Map.of()),
                List.of(),
                won);
    }

    private ScoringModel withManagerPoints(int points) {
        List<FitRule> rules = new ArrayList<>(starter.fitRules());
        rules.replaceAll(r -> r.name().equals("Manager title") ? new FitRule(r.name(), r.when(), points) : r);
        return new ScoringModel(
                2,
                rules,
                starter.engagementRules(),
                starter.disqualifyingRules(),
                starter.caps(),
                starter.decay(),
                starter.gradeBands(),
                starter.mqlThreshold());
    }

    @Test
    void a_draft_shows_which_leads_would_enter_mql_and_the_distribution_of_both_models() {
        var samples = List.of(sample(1, "Sales Manager", null), sample(2, "CEO", null), sample(3, "Analyst", null));

        var comparison = ModelComparison.of(starter, withManagerPoints(40), samples, NOW, 20);

        assertThat(comparison.entering()).containsExactly(1L);
        assertThat(comparison.leaving()).isEmpty();
        assertThat(comparison.current().mqls()).isEqualTo(0); // CEO: 30 + 5 = 35 < 40
        assertThat(comparison.draft().mqls()).isEqualTo(1); // manager: 40 + 5 = 45
        assertThat(comparison.histogram().stream()
                        .mapToInt(ModelComparison.Bucket::current)
                        .sum())
                .isEqualTo(3);
        assertThat(comparison.histogram().stream()
                        .mapToInt(ModelComparison.Bucket::draft)
                        .sum())
                .isEqualTo(3);
        assertThat(comparison.current().auc()).isNull();
    }

    @Test
    void a_model_that_separates_won_from_lost_has_auc_one_and_a_coin_toss_one_half() {
        var samples = List.of(
                sample(1, "CEO", true),
                sample(2, "CFO", true),
                sample(3, "Analyst", false),
                sample(4, "Student", false));
        var comparison = ModelComparison.of(starter, starter, samples, NOW, 20);
        assertThat(comparison.current().auc()).isEqualTo(1.0);
        assertThat(comparison.labelled()).isEqualTo(4);

        var ties = List.of(sample(1, "Analyst", true), sample(2, "Analyst", false));
        assertThat(ModelComparison.of(starter, starter, ties, NOW, 20).current().auc())
                .isEqualTo(0.5);
    }

    @Test
    void win_rates_by_band_count_only_leads_with_an_outcome() {
        var samples = List.of(sample(1, "CEO", true), sample(2, "Analyst", false), sample(3, "Analyst", null));
        var bands =
                ModelComparison.of(starter, starter, samples, NOW, 20).current().winRates();
        assertThat(bands.stream().mapToInt(ModelComparison.Band::leads).sum()).isEqualTo(2);
        assertThat(bands.stream()
                        .filter(b -> b.won() == 1)
                        .findFirst()
                        .orElseThrow()
                        .label())
                .isEqualTo("20–39");
    }

    @Test
    void the_diff_names_what_changed() {
        assertThat(ModelDiff.between(starter, withManagerPoints(40))).containsExactly("Manager title: 10 → 40 points");
        assertThat(ModelDiff.between(starter, starter)).isEmpty();
    }
}
