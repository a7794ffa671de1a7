package io.leadline.core.lead;

import static io.leadline.core.qualification.BantCriterion.AUTHORITY;
import static io.leadline.core.qualification.BantCriterion.NEED;
import static io.leadline.core.qualification.BantCriterion.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.qualification.BantAnswer;
import io.leadline.core.qualification.BantAssessment;
import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantPolicy;
import io.leadline.core.qualification.BantStatus;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.qualification.NotSalesReadyException;
import io.leadline.core.scoring.StarterModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesActionsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final LeadProfile cto = new LeadProfile(
            "Ana", new EmailAddress("ana@acme.com"), "Acme", "CTO", 2000, "BR", "paid_search", Map.of());
    private final Lead accepted = Lead.capture(cto, NOW)
            .qualifyBy(StarterModel.version1().score(cto), NOW)
            .orElseThrow()
            .lead()
            .claim("rita", NOW)
            .lead();

    private static BantAnswer met(BantCriterion c, Integer months) {
        return new BantAnswer(c, BantStatus.MET, "said so on the call", months, "rita", NOW);
    }

    @Test
    void an_accepted_lead_with_bant_met_becomes_an_sql() {
        var bant = BantAssessment.of(met(NEED, null), met(AUTHORITY, null), met(TIMELINE, 2));

        var sql = accepted.promoteToSql("rita", bant, BantPolicy.standard(), NOW);

        assertThat(sql.lead().stage()).isEqualTo(LifecycleStage.SQL);
        assertThat(sql.change().reason()).isEqualTo("BANT qualified");
    }

    @Test
    void promotion_without_bant_says_what_is_missing() {
        assertThatThrownBy(() ->
                        accepted.promoteToSql("rita", BantAssessment.of(met(NEED, null)), BantPolicy.standard(), NOW))
                .isInstanceOf(NotSalesReadyException.class)
                .hasMessage("Not ready for SQL: Authority must be met; Timeline must be met with a decision date.");
    }

    @Test
    void disqualifying_records_the_reason_and_is_final() {
        var out = accepted.disqualify("rita", DisqualificationReason.NO_BUDGET, "frozen until 2028", NOW);

        assertThat(out.lead().stage()).isEqualTo(LifecycleStage.DISQUALIFIED);
        assertThat(out.change().reason()).isEqualTo("No budget: frozen until 2028");
        assertThat(out.lead().stage().next()).isEmpty();
    }

    @Test
    void the_reason_other_needs_a_note() {
        assertThatThrownBy(() -> accepted.disqualify("rita", DisqualificationReason.OTHER, " ", NOW))
                .hasMessage("Disqualifying as \"Other\" needs a note saying why.");
    }

    @Test
    void recycling_returns_the_lead_to_nurture_without_an_owner() {
        var recycled = accepted.recycle("rita", LocalDate.of(2027, 3, 1), "budget next year", NOW);

        assertThat(recycled.lead().stage()).isEqualTo(LifecycleStage.RECYCLED);
        assertThat(recycled.lead().owner()).isNull();
        assertThat(recycled.change().reason()).isEqualTo("revisit on 2027-03-01: budget next year");
        assertThatThrownBy(() -> accepted.recycle("rita", LocalDate.of(2026, 11, 25), null, NOW))
                .hasMessage("The revisit date must be in the future.");
    }

    @Test
    void a_recycled_lead_that_scores_again_comes_back_as_an_mql_on_its_revisit_date_not_before() {
        Lead recycled =
                accepted.recycle("rita", LocalDate.of(2027, 3, 1), null, NOW).lead();
        assertThat(recycled.qualifyBy(StarterModel.version1().score(cto), NOW))
                .as("rescored before the date")
                .isEmpty();
        Instant revisit = Instant.parse("2027-03-01T02:30:00Z");
        assertThat(recycled.qualifyBy(StarterModel.version1().score(cto), revisit))
                .map(t -> t.lead().stage())
                .contains(LifecycleStage.MQL);
    }

    @Test
    void a_lead_caught_by_a_disqualifying_rule_is_disqualified_with_the_reason() {
        var placeholder = new LeadProfile(
                "Test Test", new EmailAddress("t@acme.com"), "Acme", "CEO", 5000, "BR", "paid_search", Map.of());

        var result = Lead.capture(placeholder, NOW)
                .qualifyBy(StarterModel.version1().score(placeholder), NOW)
                .orElseThrow();

        assertThat(result.lead().stage()).isEqualTo(LifecycleStage.DISQUALIFIED);
        assertThat(result.change().reason())
                .startsWith("Invalid contact data: Placeholder name: Name \"Test Test\" looks invalid");
    }

    @Test
    void outcomes_follow_the_sql() {
        Lead sql = accepted.promoteToSql(
                        "rita",
                        BantAssessment.of(met(NEED, null), met(AUTHORITY, null), met(TIMELINE, 1)),
                        BantPolicy.standard(),
                        NOW)
                .lead();
        Lead opportunity = sql.moveTo(LifecycleStage.OPPORTUNITY, "rita", "opportunity opened", NOW)
                .lead();
        assertThat(opportunity
                        .moveTo(LifecycleStage.WON, "rita", "signed", NOW)
                        .lead()
                        .stage())
                .isEqualTo(LifecycleStage.WON);
        assertThatThrownBy(() -> accepted.moveTo(LifecycleStage.WON, "rita", "skip ahead", NOW))
                .isInstanceOf(IllegalStageChangeException.class);
    }

    @Test
    void an_mql_assigned_to_a_rep_becomes_theirs_and_accepted() {
        Lead mql = Lead.capture(cto, NOW)
                .qualifyBy(StarterModel.version1().score(cto), NOW)
                .orElseThrow()
                .lead();

        var assigned = mql.assignTo("sam", Lead.SYSTEM, "by round-robin", NOW);

        assertThat(assigned.lead().owner()).isEqualTo("sam");
        assertThat(assigned.lead().stage()).isEqualTo(LifecycleStage.ACCEPTED);
        assertThat(assigned.change().reason()).isEqualTo("assigned to sam by round-robin");
    }

    @Test
    void an_admin_reassigns_a_worked_lead_keeping_its_stage() {
        var reassigned = accepted.reassign("sam", "ada", NOW);

        assertThat(reassigned.lead().owner()).isEqualTo("sam");
        assertThat(reassigned.lead().stage()).isEqualTo(LifecycleStage.ACCEPTED);
        assertThat(reassigned.change())
                .isEqualTo(new StageChange(
                        LifecycleStage.ACCEPTED, LifecycleStage.ACCEPTED, "ada", "reassigned from rita to sam", NOW));
        assertThatThrownBy(() -> accepted.reassign("rita", "ada", NOW)).hasMessage("The lead is already rita's.");
    }

    @Test
    void a_rep_works_only_their_own_or_unassigned_leads() {
        accepted.checkWorkableBy("rita");
        assertThatThrownBy(() -> accepted.checkWorkableBy("sam")).isInstanceOf(LeadAlreadyClaimedException.class);
    }
}
