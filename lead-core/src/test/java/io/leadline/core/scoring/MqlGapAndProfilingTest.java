package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqlGapAndProfilingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final ScoringModel starter = StarterModel.version1();

    @Test
    void an_mql_misses_nothing() {
        var cto = new LeadProfile(
                "Ana", new EmailAddress("ana@acme.com"), "Acme", "CTO", 2000, "BR", "paid_search", Map.of());
        assertThat(MqlGap.of(starter, cto, List.of(), NOW)).isEqualTo(new MqlGap(0, List.of(), true));
    }

    @Test
    void the_gap_takes_the_fewest_steps_biggest_first() {
        // Known: a manager (10) at a small business (5) from email: 15 points, 25 missing.
        var manager = new LeadProfile(
                "Bo", new EmailAddress("bo@acme.com"), "Acme", "Sales Manager", 20, "BR", "email", Map.of());

        MqlGap gap = MqlGap.of(starter, manager, List.of(), NOW);

        assertThat(gap.pointsNeeded()).isEqualTo(25);
        assertThat(gap.reachable()).isTrue();
        assertThat(gap.steps()).extracting(MqlGap.Step::rule).containsExactly("Demo requests");
        assertThat(gap.steps().getFirst().points()).isEqualTo(30);
    }

    @Test
    void facts_already_known_are_not_offered_but_unknown_ones_are() {
        var unknownTitle =
                new LeadProfile("Cy", new EmailAddress("cy@acme.com"), "Acme", null, null, "BR", "email", Map.of());

        MqlGap gap = MqlGap.of(
                starter, unknownTitle, List.of(Activity.of(ActivityType.DEMO_REQUEST, NOW.minusSeconds(3600))), NOW);

        // 30 from the demo request already; 10 more: the title (up to +30) is the biggest unknown.
        assertThat(gap.pointsNeeded()).isEqualTo(10);
        assertThat(gap.steps()).extracting(MqlGap.Step::rule).containsExactly("Executive title");
        assertThat(gap.steps().getFirst().action()).isEqualTo("learn the job title");
        assertThat(gap.steps()).extracting(MqlGap.Step::rule).doesNotContain("Demo requests", "High-intent source");
    }

    @Test
    void a_disqualified_lead_cannot_reach_mql() {
        var placeholder =
                new LeadProfile("asdf", new EmailAddress("x@acme.com"), "Acme", null, null, null, null, Map.of());
        assertThat(MqlGap.of(starter, placeholder, List.of(), NOW).reachable()).isFalse();
    }

    @Test
    void progressive_profiling_asks_first_for_the_unknown_field_that_moves_the_score_most() {
        var known =
                new LeadProfile("Di", new EmailAddress("di@acme.com"), null, null, null, "BR", "referral", Map.of());

        var next = ProgressiveProfiling.nextFields(starter, known, 3);

        assertThat(next)
                .extracting(ProgressiveProfiling.FieldToAsk::field)
                .containsExactly("job_title", "company_size");
        assertThat(next.getFirst().pointsAtStake()).isEqualTo(30);
        assertThat(next.getFirst().label()).isEqualTo("Job title");
    }

    @Test
    void progressive_profiling_has_nothing_to_ask_when_every_scored_field_is_known() {
        var complete =
                new LeadProfile("Ed", new EmailAddress("ed@acme.com"), "Acme", "CTO", 50, "BR", "email", Map.of());
        assertThat(ProgressiveProfiling.nextFields(starter, complete, 5)).isEmpty();
    }
}
