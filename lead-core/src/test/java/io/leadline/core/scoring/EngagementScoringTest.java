package io.leadline.core.scoring;

import static io.leadline.core.activity.ActivityType.DEMO_REQUEST;
import static io.leadline.core.activity.ActivityType.EMAIL_OPEN;
import static io.leadline.core.activity.ActivityType.PRICING_PAGE_VISIT;
import static io.leadline.core.activity.ActivityType.UNSUBSCRIBE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.qualification.DisqualificationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class EngagementScoringTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final List<ActivityType> TYPES = List.of(
            ActivityType.EMAIL_OPEN,
            ActivityType.EMAIL_CLICK,
            ActivityType.WEB_VISIT,
            ActivityType.PRICING_PAGE_VISIT,
            ActivityType.CONTENT_DOWNLOAD,
            ActivityType.DEMO_REQUEST,
            ActivityType.UNSUBSCRIBE,
            ActivityType.BOUNCE,
            new ActivityType("trade_show"));

    private static final Gen<Activity> ACTIVITY = integers()
            .between(0, TYPES.size() - 1)
            .zip(
                    integers().between(0, 400 * 24),
                    (t, hoursAgo) -> Activity.of(TYPES.get(t), NOW.minus(Duration.ofHours(hoursAgo))));
    private static final Gen<List<Activity>> ACTIVITIES = lists().of(ACTIVITY).ofSizeBetween(0, 60);

    private final LeadProfile lead =
            new LeadProfile("Ana", new EmailAddress("ana@acme.com"), "Acme", "CTO", 250, "BR", "paid_search", Map.of());
    private final ScoringModel starter = StarterModel.version1();

    private static Instant daysAgo(double days) {
        return NOW.minusSeconds(Math.round(days * 86_400));
    }

    private static ScoringModel engagementOnly(Decay decay, ScoreCaps caps, EngagementRule... rules) {
        return new ScoringModel(
                1,
                List.of(),
                List.of(rules),
                List.of(),
                caps,
                decay,
                new GradeBands(50, 30, 10),
                MqlThreshold.atPoints(40));
    }

    @Test
    void each_occurrence_adds_points_and_the_receipt_says_how_many() {
        var model = engagementOnly(
                new Decay.None(), ScoreCaps.NONE, EngagementRule.of("Pricing-page visits", PRICING_PAGE_VISIT, 10));
        var score = model.score(
                lead,
                List.of(
                        Activity.of(PRICING_PAGE_VISIT, daysAgo(1)),
                        Activity.of(PRICING_PAGE_VISIT, daysAgo(2)),
                        Activity.of(PRICING_PAGE_VISIT, daysAgo(3))),
                NOW);

        assertThat(score.engagementPoints()).isEqualTo(30);
        assertThat(score.receipt()).singleElement().satisfies(line -> {
            assertThat(line.evidence()).isEqualTo("3 pricing page visits, the latest on 2026-11-24");
            assertThat(line.rawPoints()).isEqualTo(30);
            assertThat(line.points()).isEqualTo(30);
        });
    }

    @Test
    void a_rule_cap_limits_the_points_and_shows_on_the_receipt() {
        var model = engagementOnly(
                new Decay.None(),
                ScoreCaps.NONE,
                EngagementRule.of("Opens", EMAIL_OPEN, 1).cappedAt(5));
        List<Activity> opens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            opens.add(Activity.of(EMAIL_OPEN, daysAgo(i)));
        }
        ReceiptLine line = model.score(lead, opens, NOW).receipt().getFirst();

        assertThat(line.rawPoints()).isEqualTo(12);
        assertThat(line.afterDecay()).isEqualTo(12);
        assertThat(line.points()).isEqualTo(5);
        assertThat(line.capped()).isTrue();
    }

    @Test
    void a_half_life_halves_the_points_of_an_activity_that_old() {
        var model = engagementOnly(new Decay.HalfLife(30), ScoreCaps.NONE, EngagementRule.of("Demo", DEMO_REQUEST, 40));

        ReceiptLine line = model.score(lead, List.of(Activity.of(DEMO_REQUEST, daysAgo(30))), NOW)
                .receipt()
                .getFirst();

        assertThat(line.rawPoints()).isEqualTo(40);
        assertThat(line.afterDecay()).isEqualTo(20);
        assertThat(line.decayed()).isTrue();
    }

    @Test
    void stepped_decay_keeps_a_share_by_age_band() {
        var decay = new Decay.Stepped(List.of(new Decay.Step(30, 0.5), new Decay.Step(90, 0.0)));
        assertThat(decay.factor(10)).isEqualTo(1.0);
        assertThat(decay.factor(45)).isEqualTo(0.5);
        assertThat(decay.factor(120)).isEqualTo(0.0);
        assertThatThrownBy(() -> new Decay.Stepped(List.of(new Decay.Step(30, 0.2), new Decay.Step(90, 0.6))))
                .hasMessageContaining("must not rise with age");
    }

    @Test
    void negative_signals_do_not_fade() {
        var model = engagementOnly(
                new Decay.HalfLife(7), ScoreCaps.NONE, EngagementRule.of("Unsubscribed", UNSUBSCRIBE, -20));
        assertThat(model.score(lead, List.of(Activity.of(UNSUBSCRIBE, daysAgo(365))), NOW)
                        .total())
                .isEqualTo(-20);
    }

    @Test
    void a_window_counts_only_recent_activity() {
        var model = engagementOnly(
                new Decay.None(),
                ScoreCaps.NONE,
                EngagementRule.of("Recent visits", PRICING_PAGE_VISIT, 10).within(14));
        var score = model.score(
                lead,
                List.of(Activity.of(PRICING_PAGE_VISIT, daysAgo(3)), Activity.of(PRICING_PAGE_VISIT, daysAgo(20))),
                NOW);
        assertThat(score.receipt().getFirst().evidence()).startsWith("1 pricing page visit in the last 14 days");
        assertThat(score.total()).isEqualTo(10);
    }

    @Test
    void activities_after_now_do_not_count() {
        var model = engagementOnly(new Decay.None(), ScoreCaps.NONE, EngagementRule.of("Demo", DEMO_REQUEST, 30));
        assertThat(model.score(lead, List.of(Activity.of(DEMO_REQUEST, NOW.plusSeconds(60))), NOW)
                        .total())
                .isZero();
    }

    @Test
    void group_and_total_caps_add_a_line_that_keeps_the_receipt_honest() {
        var model = new ScoringModel(
                1,
                List.of(new FitRule("Exec", new LeadCondition.Contains("job_title", List.of("cto")), 60)),
                List.of(EngagementRule.of("Demo", DEMO_REQUEST, 50)),
                List.of(),
                new ScoreCaps(40, 30, 50),
                new Decay.None(),
                new GradeBands(50, 30, 10),
                MqlThreshold.atPoints(40));

        var score = model.score(lead, List.of(Activity.of(DEMO_REQUEST, daysAgo(1))), NOW);

        assertThat(score.fitPoints()).isEqualTo(40);
        assertThat(score.engagementPoints()).isEqualTo(30);
        assertThat(score.total()).isEqualTo(50);
        assertThat(score.receipt())
                .extracting(ReceiptLine::rule)
                .containsExactly("Exec", "Fit cap", "Demo", "Engagement cap", "Total cap");
        assertThat(score.receipt())
                .filteredOn(l -> l.rule().equals("Total cap"))
                .singleElement()
                .satisfies(l -> assertThat(l.evidence()).isEqualTo("70 points capped at 50"));
    }

    @Test
    void a_disqualifying_rule_disqualifies_with_its_reason_and_blocks_mql() {
        var model = new ScoringModel(
                1,
                List.of(new FitRule("Exec", new LeadCondition.Contains("job_title", List.of("cto")), 60)),
                List.of(),
                List.of(new DisqualifyingRule(
                        "Competitor",
                        new LeadCondition.EmailDomain(Set.of("acme.com")),
                        DisqualificationReason.COMPETITOR)),
                ScoreCaps.NONE,
                new Decay.None(),
                new GradeBands(50, 30, 10),
                MqlThreshold.atPoints(40));

        var score = model.score(lead, List.of(), NOW);

        assertThat(score.total()).isEqualTo(60);
        assertThat(score.reachesMql()).isFalse();
        assertThat(score.disqualified()).hasValueSatisfying(d -> {
            assertThat(d.reason()).isEqualTo(DisqualificationReason.COMPETITOR);
            assertThat(d.because()).isEqualTo("Competitor: email domain is acme.com");
        });
    }

    @Test
    void a_minimum_grade_keeps_a_poor_fit_out_of_mql_whatever_its_engagement() {
        var model = new ScoringModel(
                1,
                List.of(),
                List.of(EngagementRule.of("Demo", DEMO_REQUEST, 100)),
                List.of(),
                ScoreCaps.NONE,
                new Decay.None(),
                new GradeBands(50, 30, 10),
                new MqlThreshold(40, FitGrade.C));
        var score = model.score(lead, List.of(Activity.of(DEMO_REQUEST, daysAgo(1))), NOW);
        assertThat(score.total()).isEqualTo(100);
        assertThat(score.grade()).isEqualTo(FitGrade.D);
        assertThat(score.reachesMql()).isFalse();
    }

    // --- properties, over random activity histories with the starter model ---

    @Test
    void the_receipt_always_adds_up_to_the_score() {
        qt().forAll(ACTIVITIES).checkAssert(activities -> {
            Score score = starter.score(lead, activities, NOW);
            assertThat(score.receipt().stream().mapToInt(ReceiptLine::points).sum())
                    .isEqualTo(score.total());
            assertThat(score.fitPoints() + score.engagementPoints()).isEqualTo(score.total());
        });
    }

    @Test
    void caps_are_never_exceeded() {
        qt().forAll(ACTIVITIES).checkAssert(activities -> {
            Score score = starter.score(lead, activities, NOW);
            assertThat(score.engagementPoints())
                    .isLessThanOrEqualTo(starter.caps().engagement());
            for (ReceiptLine line : score.receipt()) {
                starter.engagementRules().stream()
                        .filter(r -> r.name().equals(line.rule()) && r.cap() != null)
                        .forEach(r -> assertThat(Math.abs(line.points())).isLessThanOrEqualTo(r.cap()));
            }
        });
    }

    @Test
    void time_passing_never_raises_positive_engagement() {
        var positiveOnly = engagementOnly(
                new Decay.HalfLife(30),
                new ScoreCaps(null, 100, null),
                starter.engagementRules().stream()
                        .filter(r -> r.pointsEach() > 0)
                        .toArray(EngagementRule[]::new));
        qt().forAll(ACTIVITIES, integers().between(0, 200)).checkAssert((activities, laterDays) -> {
            int today = positiveOnly.score(lead, activities, NOW).engagementPoints();
            int later = positiveOnly
                    .score(lead, activities, NOW.plus(Duration.ofDays(laterDays)))
                    .engagementPoints();
            assertThat(later).isLessThanOrEqualTo(today);
        });
    }

    @Test
    void the_score_does_not_depend_on_the_order_of_activities() {
        qt().forAll(ACTIVITIES, integers().all()).checkAssert((activities, seed) -> {
            List<Activity> shuffled = new ArrayList<>(activities);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(starter.score(lead, shuffled, NOW)).isEqualTo(starter.score(lead, activities, NOW));
        });
    }

    @Test
    void rescoring_the_same_inputs_gives_the_same_score() {
        qt().forAll(ACTIVITIES)
                .checkAssert(activities -> assertThat(starter.score(lead, activities, NOW))
                        .isEqualTo(starter.score(lead, List.copyOf(activities), NOW)));
    }

    @Test
    void a_disqualified_lead_never_reaches_mql_whatever_it_does() {
        LeadProfile placeholder = new LeadProfile(
                "Test Lead", new EmailAddress("ceo@bigco.com"), "BigCo", "CEO", 5000, "US", "paid_search", Map.of());
        qt().forAll(ACTIVITIES).checkAssert(activities -> {
            Score score = starter.score(placeholder, activities, NOW);
            assertThat(score.disqualified()).isPresent();
            assertThat(score.reachesMql()).isFalse();
        });
    }
}
