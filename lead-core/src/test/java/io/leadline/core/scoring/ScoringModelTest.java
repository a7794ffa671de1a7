package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ScoringModelTest {

    private static final List<String> TITLES =
            List.of("CEO", "VP Sales", "Marketing Manager", "Student", "Analyst", "");
    private static final List<String> SOURCES = List.of("paid_search", "organic_search", "email", "direct_traffic", "");
    private static final List<String> DOMAINS = List.of("acme.com", "gmail.com", "globex.io");

    private static final Gen<LeadProfile> LEADS = integers()
            .between(0, TITLES.size() - 1)
            .zip(integers().between(0, SOURCES.size() - 1), integers().between(-1, 20_000), (t, s, size) ->
                    new int[] {t, s, size})
            .zip(
                    integers().between(0, DOMAINS.size() - 1),
                    (a, d) -> new LeadProfile(
                            "Lead",
                            new EmailAddress("x@" + DOMAINS.get(d)),
                            a[2] % 3 == 0 ? null : "Acme",
                            TITLES.get(a[0]),
                            a[2] < 0 ? null : a[2],
                            "BR",
                            SOURCES.get(a[1]),
                            Map.of()));

    private final ScoringModel starter = StarterModel.version1();

    @Test
    void a_cto_of_a_large_company_from_paid_search_is_an_mql_with_grade_a() {
        var score = starter.score(new LeadProfile(
                "Ana", new EmailAddress("ana@acme.com"), "Acme", "CTO", 1200, "BR", "paid_search", Map.of()));

        assertThat(score.receipt())
                .extracting(ReceiptLine::rule)
                .containsExactly("Executive title", "Enterprise company", "High-intent source");
        assertThat(score.total()).isEqualTo(65);
        assertThat(score.grade()).isEqualTo(FitGrade.A);
        assertThat(score.reachesMql()).isTrue();
    }

    @Test
    void a_student_on_a_free_mail_address_scores_below_zero_and_is_not_an_mql() {
        var score = starter.score(
                new LeadProfile("Bo", new EmailAddress("bo@gmail.com"), null, "Student", null, null, null, Map.of()));

        assertThat(score.total()).isEqualTo(-30 - 15 - 5);
        assertThat(score.grade()).isEqualTo(FitGrade.D);
        assertThat(score.reachesMql()).isFalse();
    }

    @Test
    void the_receipt_lines_always_add_up_to_the_score() {
        qt().forAll(LEADS).checkAssert(lead -> {
            Score score = starter.score(lead);
            assertThat(score.receipt().stream().mapToInt(ReceiptLine::points).sum())
                    .isEqualTo(score.total());
        });
    }

    @Test
    void the_score_does_not_depend_on_the_order_of_the_rules() {
        qt().forAll(LEADS, integers().all()).checkAssert((lead, seed) -> {
            List<FitRule> shuffled = new ArrayList<>(starter.fitRules());
            Collections.shuffle(shuffled, new Random(seed));
            var reordered = new ScoringModel(
                    2,
                    shuffled,
                    starter.engagementRules(),
                    starter.disqualifyingRules(),
                    starter.caps(),
                    starter.decay(),
                    starter.gradeBands(),
                    starter.mqlThreshold());
            assertThat(reordered.score(lead).total())
                    .isEqualTo(starter.score(lead).total());
        });
    }

    @Test
    void scoring_the_same_lead_twice_gives_the_same_score() {
        qt().forAll(LEADS).checkAssert(lead -> assertThat(starter.score(lead)).isEqualTo(starter.score(lead)));
    }

    @Test
    void a_better_grade_always_ranks_first_and_within_a_grade_the_higher_score_does() {
        Gen<Score> scores = integers()
                .between(-200, 300)
                .zip(
                        integers().between(0, 3),
                        (points, g) -> new Score(
                                1,
                                points,
                                0,
                                points,
                                FitGrade.values()[g],
                                MqlThreshold.atPoints(40),
                                null,
                                List.of(ReceiptLine.fit("rule", "evidence", points))));
        qt().forAll(scores, scores).checkAssert((a, b) -> {
            if (a.grade() != b.grade()) {
                assertThat(a.priority() > b.priority())
                        .isEqualTo(a.grade().rank() > b.grade().rank());
            } else {
                assertThat(Integer.compare(a.priority(), b.priority()))
                        .isEqualTo(Integer.compare(a.total(), b.total()));
            }
        });
    }

    @Test
    void grades_never_get_worse_as_fit_points_rise() {
        GradeBands bands = starter.gradeBands();
        qt().forAll(lists().of(integers().between(-500, 500)).ofSize(2)).checkAssert(pair -> {
            int low = Math.min(pair.get(0), pair.get(1));
            int high = Math.max(pair.get(0), pair.get(1));
            assertThat(bands.grade(high).rank())
                    .isGreaterThanOrEqualTo(bands.grade(low).rank());
        });
    }
}
