package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.scoring.FitGrade;
import io.leadline.core.scoring.MqlThreshold;
import io.leadline.core.scoring.ReceiptLine;
import io.leadline.core.scoring.Score;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final Lead fresh = Lead.capture(
            new LeadProfile(
                    "Ana Souza", new EmailAddress("ana@acme.com"), "Acme", "CTO", 500, "BR", "paid_search", Map.of()),
            NOW);

    @Test
    void a_captured_lead_is_new_and_unassigned() {
        assertThat(fresh.stage()).isEqualTo(LifecycleStage.NEW);
        assertThat(fresh.owner()).isNull();
    }

    @Test
    void a_new_lead_whose_score_reaches_the_threshold_becomes_an_mql() {
        var transition = fresh.qualifyBy(score(45, 40), NOW).orElseThrow();

        assertThat(transition.lead().stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(transition.change())
                .isEqualTo(new StageChange(
                        LifecycleStage.NEW,
                        LifecycleStage.MQL,
                        Lead.SYSTEM,
                        "score 45 reached the MQL threshold of 40",
                        NOW));
    }

    @Test
    void a_new_lead_below_the_threshold_stays_new() {
        assertThat(fresh.qualifyBy(score(39, 40), NOW)).isEmpty();
    }

    @Test
    void an_unclaimed_mql_whose_score_falls_goes_back_to_new() {
        Lead mql = fresh.qualifyBy(score(45, 40), NOW).orElseThrow().lead();

        assertThat(mql.qualifyBy(score(10, 40), NOW)).map(t -> t.lead().stage()).contains(LifecycleStage.NEW);
    }

    @Test
    void a_claimed_lead_keeps_its_stage_when_its_score_falls() {
        Lead accepted = fresh.qualifyBy(score(45, 40), NOW)
                .orElseThrow()
                .lead()
                .claim("rita", NOW)
                .lead();

        assertThat(accepted.qualifyBy(score(0, 40), NOW)).isEmpty();
    }

    @Test
    void claiming_an_mql_makes_it_the_reps_and_accepted() {
        Lead mql = fresh.qualifyBy(score(45, 40), NOW).orElseThrow().lead();

        var claimed = mql.claim("rita", NOW);

        assertThat(claimed.lead().owner()).isEqualTo("rita");
        assertThat(claimed.lead().stage()).isEqualTo(LifecycleStage.ACCEPTED);
        assertThat(claimed.change().actor()).isEqualTo("rita");
    }

    @Test
    void a_lead_claimed_by_one_rep_cannot_be_claimed_by_another() {
        Lead accepted = fresh.qualifyBy(score(45, 40), NOW)
                .orElseThrow()
                .lead()
                .claim("rita", NOW)
                .lead();

        assertThatThrownBy(() -> accepted.claim("sam", NOW))
                .isInstanceOf(LeadAlreadyClaimedException.class)
                .hasMessage("This lead is already claimed by rita.");
    }

    @Test
    void a_new_lead_cannot_be_claimed_before_it_is_an_mql() {
        assertThatThrownBy(() -> fresh.claim("rita", NOW))
                .isInstanceOf(IllegalStageChangeException.class)
                .hasMessageContaining("cannot move from New to Accepted by sales");
    }

    @Test
    void closed_stages_are_final() {
        for (LifecycleStage closed : List.of(LifecycleStage.WON, LifecycleStage.LOST, LifecycleStage.DISQUALIFIED)) {
            assertThat(closed.next()).as(closed.name()).isEmpty();
        }
    }

    @Test
    void the_sales_queue_holds_mqls_accepted_leads_and_sqls() {
        assertThat(LifecycleStage.salesQueueStages())
                .containsExactlyInAnyOrder(LifecycleStage.MQL, LifecycleStage.ACCEPTED, LifecycleStage.SQL);
    }

    private static Score score(int points, int threshold) {
        return new Score(
                1,
                points,
                0,
                points,
                FitGrade.B,
                MqlThreshold.atPoints(threshold),
                null,
                List.of(ReceiptLine.fit("rule", "evidence", points)));
    }

    @Test
    void the_crm_can_close_a_deal_from_any_stage_and_correct_itself() {
        var won = fresh.closeAs(LifecycleStage.WON, "api:crm", null, NOW).orElseThrow();
        assertThat(won.lead().stage()).isEqualTo(LifecycleStage.WON);
        assertThat(won.change())
                .isEqualTo(new StageChange(LifecycleStage.NEW, LifecycleStage.WON, "api:crm", "Won", NOW));

        assertThat(won.lead().closeAs(LifecycleStage.WON, "api:crm", "again", NOW))
                .as("already won")
                .isEmpty();
        var corrected = won.lead()
                .closeAs(LifecycleStage.LOST, "api:crm", " chose a competitor ", NOW)
                .orElseThrow();
        assertThat(corrected.change().reason()).isEqualTo("chose a competitor");
        assertThat(corrected.lead().stage()).isEqualTo(LifecycleStage.LOST);
    }

    @Test
    void a_lost_deal_needs_a_reason_and_an_outcome_is_won_or_lost() {
        assertThatThrownBy(() -> fresh.closeAs(LifecycleStage.LOST, "api:crm", " ", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Say why the deal was lost.");
        assertThatThrownBy(() -> fresh.closeAs(LifecycleStage.SQL, "api:crm", "x", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WON or LOST");
    }
}
