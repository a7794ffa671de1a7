package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Engagement rules that count only the pages matching a pattern ("pages matching …"), with and without a window. */
class PageRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final LeadProfile lead =
            new LeadProfile("Ana", new EmailAddress("ana@acme.com"), "Acme", "CTO", 250, "BR", null, Map.of());

    private static Activity visit(String url, int daysAgo) {
        return new Activity(ActivityType.WEB_VISIT, NOW.minusSeconds(daysAgo * 86_400L), url);
    }

    private static ScoringModel model(EngagementRule... rules) {
        return new ScoringModel(
                1,
                List.of(),
                List.of(rules),
                List.of(),
                ScoreCaps.NONE,
                new Decay.None(),
                new GradeBands(50, 30, 10),
                MqlThreshold.atPoints(40));
    }

    @ParameterizedTest
    @CsvSource({
        "/docs/*, https://www.acme.com/docs/setup, true",
        "/docs/*, https://www.acme.com/docs, false",
        "/docs*, https://www.acme.com/docs, true",
        "/pricing*, https://www.acme.com/pricing?plan=team, true",
        "/pricing*, https://www.acme.com/en/pricing, false",
        "*pricing*, https://www.acme.com/en/pricing, true",
        "*WEBINAR*, https://www.acme.com/events/webinar-q4 — signed up, true",
        "/, https://www.acme.com, true",
        "/, https://www.acme.com/about, false",
        "/a.b, https://www.acme.com/aXb, false"
    })
    void a_page_pattern_reads_the_pages_path(String pattern, String detail, boolean counts) {
        EngagementRule rule =
                EngagementRule.of("Docs", ActivityType.WEB_VISIT, 3).onPages(pattern);

        assertThat(rule.counts(new Activity(ActivityType.WEB_VISIT, NOW, detail)))
                .isEqualTo(counts);
        assertThat(rule.counts(new Activity(ActivityType.EMAIL_CLICK, NOW, detail)))
                .as("another type never counts")
                .isFalse();
    }

    @Test
    void only_matching_pages_within_the_window_score_and_the_receipt_says_which() {
        ScoringModel model = model(
                EngagementRule.of("Docs readers", ActivityType.WEB_VISIT, 4)
                        .onPages("/docs/*")
                        .within(30),
                EngagementRule.of("Visits", ActivityType.WEB_VISIT, 1));
        List<Activity> done = List.of(
                visit("https://www.acme.com/docs/a", 1),
                visit("https://www.acme.com/docs/b", 10),
                visit("https://www.acme.com/docs/c", 45),
                visit("https://www.acme.com/blog/x", 2),
                new Activity(ActivityType.WEB_VISIT, NOW, null));

        Score score = model.score(lead, done, NOW);

        assertThat(score.engagementPoints()).isEqualTo(4 * 2 + 5);
        assertThat(score.receipt())
                .filteredOn(l -> l.rule().equals("Docs readers"))
                .singleElement()
                .satisfies(l -> assertThat(l.evidence())
                        .startsWith("2 web visits of pages matching /docs/* in the last 30 days"));
    }

    @Test
    void a_pattern_with_spaces_is_refused_and_a_blank_one_means_any_page() {
        assertThatThrownBy(
                        () -> EngagementRule.of("x", ActivityType.WEB_VISIT, 1).onPages("/a b"))
                .hasMessageContaining("no spaces");
        assertThat(EngagementRule.of("x", ActivityType.WEB_VISIT, 1)
                        .onPages("  ")
                        .pages())
                .isNull();
    }

    @Test
    void a_changed_pattern_is_a_model_change_bounded_to_the_rules_type() {
        ScoringModel before =
                model(EngagementRule.of("Docs", ActivityType.WEB_VISIT, 4).onPages("/docs/*"));
        ScoringModel after =
                model(EngagementRule.of("Docs", ActivityType.WEB_VISIT, 4).onPages("/guides/*"));

        assertThat(ModelDiff.between(before, after))
                .anySatisfy(c -> assertThat(c).contains("pages /docs/* → /guides/*"));
        assertThat(RescoreScope.between(before, after))
                .isInstanceOfSatisfying(
                        RescoreScope.Bounded.class, b -> assertThat(b.types()).containsExactly(ActivityType.WEB_VISIT));
    }
}
