package io.leadline.core.qualification;

import static io.leadline.core.qualification.BantCriterion.AUTHORITY;
import static io.leadline.core.qualification.BantCriterion.BUDGET;
import static io.leadline.core.qualification.BantCriterion.NEED;
import static io.leadline.core.qualification.BantCriterion.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BantPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static BantAnswer met(BantCriterion c) {
        return new BantAnswer(c, BantStatus.MET, "confirmed on the call", null, "rita", NOW);
    }

    private static BantAnswer timeline(BantStatus status, Integer months) {
        return new BantAnswer(TIMELINE, status, "decision after the board meeting", months, "rita", NOW);
    }

    @Test
    void the_standard_policy_wants_need_authority_and_a_timeline_within_six_months() {
        var verdict = BantPolicy.standard()
                .evaluate(BantAssessment.of(met(NEED), met(AUTHORITY), timeline(BantStatus.MET, 3)));
        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.missing()).isEmpty();
    }

    @Test
    void it_says_which_criteria_are_missing() {
        var verdict = BantPolicy.standard().evaluate(BantAssessment.of(met(NEED), timeline(BantStatus.MET, 9)));

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.missing())
                .containsExactly("Authority must be met", "Timeline must be within 6 months (it is 9)");
    }

    @Test
    void an_empty_assessment_misses_everything_the_policy_asks() {
        assertThat(BantPolicy.standard().evaluate(BantAssessment.empty()).missing())
                .containsExactly(
                        "Authority must be met", "Need must be met", "Timeline must be met with a decision date");
    }

    @Test
    void any_three_of_four() {
        BantPolicy policy = BantPolicy.anyOf(3);
        assertThat(policy.evaluate(BantAssessment.of(met(BUDGET), met(NEED), met(AUTHORITY)))
                        .ready())
                .isTrue();
        assertThat(policy.evaluate(BantAssessment.of(met(BUDGET), met(NEED))).missing())
                .containsExactly("at least 3 of Budget, Authority, Need and Timeline must be met (2 are)");
        assertThat(policy.evaluate(BantAssessment.of(met(BUDGET))).missing())
                .containsExactly("at least 3 of Budget, Authority, Need and Timeline must be met (1 is)");
    }

    @Test
    void a_later_answer_replaces_an_earlier_one() {
        var assessment = BantAssessment.of(met(NEED))
                .with(new BantAnswer(NEED, BantStatus.NOT_MET, "they built it in-house", null, "sam", NOW));
        assertThat(assessment.isMet(NEED)).isFalse();
        assertThat(assessment.answer(NEED).by()).isEqualTo("sam");
        assertThat(assessment.answer(BUDGET).status()).isEqualTo(BantStatus.UNKNOWN);
    }

    @Test
    void met_or_not_met_needs_evidence() {
        assertThatThrownBy(() -> new BantAnswer(BUDGET, BantStatus.MET, " ", null, "rita", NOW))
                .hasMessageContaining("Budget marked Met needs evidence");
    }

    @Test
    void months_to_decision_belong_to_the_timeline() {
        assertThatThrownBy(() -> new BantAnswer(BUDGET, BantStatus.MET, "ok", 3, "rita", NOW))
                .hasMessageContaining("belong to the Timeline");
        assertThat(new BantPolicy(Set.of(BUDGET), 1, null).required()).containsExactly(BUDGET);
    }
}
