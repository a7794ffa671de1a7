package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.leadline.core.qualification.Disqualification;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.scoring.FitGrade;
import io.leadline.core.scoring.MqlThreshold;
import io.leadline.core.scoring.ReceiptLine;
import io.leadline.core.scoring.Score;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of what happens to a lead — rescorings with any score, claims, recycles, disqualifications,
 * outcomes, days passing — and the rules a rescoring must never undo: a recycled lead stays in nurture until its
 * revisit date, a disqualified or closed lead never comes back, a lead sales works never drops out by a score, and an
 * MQL the score did not make (imported as one from the CRM) stays one.
 */
class LifecycleUnderRescoringTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final int THRESHOLD = 40;
    private static final DisqualificationReason NO_BUDGET = new DisqualificationReason("no_budget", "No budget", false);

    @Test
    void rescoring_never_undoes_a_lifecycle_rule() {
        qt().withExamples(3_000)
                .forAll(lists().of(integers().between(0, 449)).ofSizeBetween(1, 40))
                .checkAssert(steps -> {
                    Lead lead = Lead.capture(
                            new LeadProfile(
                                    "Ana",
                                    new EmailAddress("ana@acme.com"),
                                    "Acme",
                                    "CTO",
                                    500,
                                    "BR",
                                    "paid_search",
                                    Map.of()),
                            START);
                    Instant now = START;
                    for (int step : steps) {
                        int kind = step % 9;
                        int value = step / 9; // 0..49
                        switch (kind) {
                            case 0, 1, 2 -> {
                                Lead before = lead;
                                Score score = score(value * 2); // 0..98 points, both sides of the threshold
                                lead = lead.qualifyBy(score, now)
                                        .map(Lead.Transition::lead)
                                        .orElse(lead);
                                assertRescoringKeptTheRules(before, lead, now);
                            }
                            case 3 -> now = now.plus(Duration.ofDays(value % 10));
                            case 4 -> {
                                if (lead.stage() == LifecycleStage.MQL && lead.owner() == null) {
                                    lead = lead.claim("rita", now).lead();
                                }
                            }
                            case 5 -> {
                                if (lead.stage().canMoveTo(LifecycleStage.RECYCLED)) {
                                    LocalDate revisit = LocalDate.ofInstant(now, ZoneOffset.UTC)
                                            .plusDays(1 + value % 20);
                                    lead = lead.recycle("rita", revisit, null, now)
                                            .lead();
                                }
                            }
                            case 6 -> {
                                if (value % 5 == 0 && lead.stage().canMoveTo(LifecycleStage.DISQUALIFIED)) {
                                    lead = lead.disqualify("rita", NO_BUDGET, null, now)
                                            .lead();
                                }
                            }
                            case 8 -> {
                                if (value % 3 == 0 && !lead.stage().next().isEmpty()) {
                                    lead = lead.importStage(LifecycleStage.MQL, "MQL", now)
                                            .map(Lead.Transition::lead)
                                            .orElse(lead);
                                }
                            }
                            default -> {
                                if (value % 7 == 0) {
                                    lead = lead.closeAs(
                                                    value % 2 == 0 ? LifecycleStage.WON : LifecycleStage.LOST,
                                                    "api:crm",
                                                    "closed",
                                                    now)
                                            .map(Lead.Transition::lead)
                                            .orElse(lead);
                                }
                            }
                        }
                    }
                });
    }

    private static void assertRescoringKeptTheRules(Lead before, Lead after, Instant now) {
        switch (before.stage()) {
            case RECYCLED -> {
                if (!before.revisitDue(now)) {
                    assertThat(after.stage())
                            .as("recycled until " + before.revisitOn() + ", rescored on " + now)
                            .isEqualTo(LifecycleStage.RECYCLED);
                }
            }
            case DISQUALIFIED, WON, LOST ->
                assertThat(after).as("closed leads never move by a score").isEqualTo(before);
            case ACCEPTED, SQL, OPPORTUNITY ->
                assertThat(after.stage()).as("sales works it").isEqualTo(before.stage());
            case MQL -> {
                if (!before.stageByScore()) {
                    assertThat(after)
                            .as("an MQL the score did not make stays one")
                            .isEqualTo(before);
                }
            }
            default -> assertThat(after.stage()).isIn(LifecycleStage.NEW, LifecycleStage.MQL);
        }
    }

    @Test
    void a_recycled_lead_re_qualifies_on_its_revisit_date_and_not_before() {
        Lead mql = Lead.capture(
                        new LeadProfile(
                                "Bo", new EmailAddress("bo@acme.com"), "Acme", "CTO", 500, "BR", "email", Map.of()),
                        START)
                .qualifyBy(score(60), START)
                .orElseThrow()
                .lead();
        Lead recycled = mql.claim("rita", START)
                .lead()
                .recycle("rita", LocalDate.of(2026, 12, 15), "next quarter", START)
                .lead();

        assertThat(recycled.qualifyBy(score(90), Instant.parse("2026-12-14T23:59:59Z")))
                .as("the day before")
                .isEmpty();
        assertThat(recycled.qualifyBy(score(90), Instant.parse("2026-12-15T00:00:00Z"))
                        .map(t -> t.lead().stage()))
                .as("on the day")
                .contains(LifecycleStage.MQL);
    }

    @Test
    void a_score_undoes_only_its_own_mql() {
        LeadProfile profile =
                new LeadProfile("Cy", new EmailAddress("cy@acme.com"), "Acme", "Student", 5, "BR", "email", Map.of());
        Lead byScore = Lead.capture(profile, START)
                .qualifyBy(score(60), START)
                .orElseThrow()
                .lead();
        assertThat(byScore.stageByScore()).isTrue();
        assertThat(byScore.qualifyBy(score(10), START).map(t -> t.lead().stage()))
                .contains(LifecycleStage.NEW);

        Lead imported = Lead.capture(profile, START)
                .importStage(LifecycleStage.MQL, "MQL", START)
                .orElseThrow()
                .lead();
        assertThat(imported.stageByScore()).isFalse();
        assertThat(imported.qualifyBy(score(10), START))
                .as("the CRM said MQL; a low score does not undo it")
                .isEmpty();
        Score caught = new Score(
                1,
                60,
                0,
                60,
                FitGrade.B,
                MqlThreshold.atPoints(THRESHOLD),
                new Disqualification(NO_BUDGET, "job title Student"),
                List.of(ReceiptLine.fit("rule", "evidence", 60)));
        assertThat(imported.qualifyBy(caught, START))
                .as("nor does a disqualifying rule")
                .isEmpty();

        Lead setByHand = Lead.capture(profile, START)
                .moveTo(LifecycleStage.MQL, "mia", "hand-raiser at the booth", START)
                .lead();
        assertThat(setByHand.qualifyBy(score(0), START)).isEmpty();
    }

    private static Score score(int points) {
        return new Score(
                1,
                points,
                0,
                points,
                FitGrade.B,
                MqlThreshold.atPoints(THRESHOLD),
                null,
                List.of(ReceiptLine.fit("rule", "evidence", points)));
    }
}
