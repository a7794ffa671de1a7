package io.leadline.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.queue.AssignmentRule.Kind;
import io.leadline.core.queue.AssignmentRule.NewMql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadRoutingTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static NewMql lead(long id, String source, String country, int score, String accountOwner) {
        return new NewMql(id, "Lead " + id, source, country, score, accountOwner);
    }

    private static final List<RepLoad> REPS = List.of(
            new RepLoad("ana", 5, 0, NOW.minusSeconds(30)),
            new RepLoad("bo", 5, 0, NOW.minusSeconds(60)),
            new RepLoad("cy", 1, 1, null, false));

    @Test
    void the_first_matching_rule_whose_rep_has_room_wins() {
        var routing = new LeadRouting(
                List.of(
                        new AssignmentRule(Kind.SOURCE, "Paid Search", "cy"),
                        new AssignmentRule(Kind.COUNTRY, "br", "ana"),
                        new AssignmentRule(Kind.SCORE_AT_LEAST, "60", "bo")),
                false);

        // cy is full, so the paid-search rule passes to the next matching one.
        var brazil = routing.route(lead(1, "paid_search", "BR", 10, null), REPS).orElseThrow();
        assertThat(brazil.rep()).isEqualTo("ana");
        assertThat(brazil.because()).isEqualTo("rule 2: Country is BR → ana");
        assertThat(routing.route(lead(2, "webinar", "PT", 75, null), REPS)
                        .orElseThrow()
                        .rep())
                .isEqualTo("bo");
        // Nothing matches and round-robin is off: the lead waits to be claimed.
        assertThat(routing.route(lead(3, "webinar", "PT", 20, null), REPS)).isEmpty();
    }

    @Test
    void an_accounts_leads_go_to_the_rep_who_owns_the_account() {
        var routing = new LeadRouting(List.of(new AssignmentRule(Kind.ACCOUNT_OWNER, "ignored", "ignored")), true);
        assertThat(routing.rules().getFirst().rep()).isNull();
        assertThat(routing.route(lead(1, null, null, 0, "ana"), REPS)
                        .orElseThrow()
                        .rep())
                .isEqualTo("ana");
        // Without an owner, round-robin: bo was given a lead longest ago (cy is out of the rotation).
        var rotated = routing.route(lead(2, null, null, 0, null), REPS).orElseThrow();
        assertThat(rotated.rep()).isEqualTo("bo");
        assertThat(rotated.because()).isEqualTo("round-robin");
    }

    @Test
    void a_rule_needs_its_value_and_rep() {
        assertThatThrownBy(() -> new AssignmentRule(Kind.SOURCE, " ", "ana")).hasMessage("The rule needs a source.");
        assertThatThrownBy(() -> new AssignmentRule(Kind.COUNTRY, "BR", null))
                .hasMessage("Choose the rep who gets the leads of the rule \"Country is BR\".");
        assertThatThrownBy(() -> new AssignmentRule(Kind.SCORE_AT_LEAST, "sixty", "ana"))
                .hasMessage("A score band starts at a whole number of points, not 'sixty'.");
        assertThat(new AssignmentRule(Kind.SOURCE, "Google Ads", "ana").value()).isEqualTo("google_ads");
    }

    /** Seeded: however the leads and rules fall, a plan never gives a rep more than their room. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999})
    void a_plan_never_passes_a_reps_capacity_and_round_robin_takes_turns(long seed) {
        Random random = new Random(seed);
        List<RepLoad> reps = IntStream.range(0, 1 + random.nextInt(4))
                .mapToObj(i -> new RepLoad("rep" + i, random.nextInt(6), random.nextInt(3), null, random.nextBoolean()))
                .toList();
        List<AssignmentRule> rules = new ArrayList<>();
        if (random.nextBoolean()) {
            rules.add(new AssignmentRule(
                    Kind.SOURCE,
                    "webinar",
                    reps.get(random.nextInt(reps.size())).username()));
        }
        List<NewMql> leads = IntStream.range(0, 30)
                .mapToObj(
                        i -> lead(i, random.nextBoolean() ? "webinar" : "paid_search", "BR", random.nextInt(100), null))
                .toList();
        var decisions = new LeadRouting(rules, true).plan(leads, reps, NOW);

        assertThat(decisions).hasSize(leads.size());
        Map<String, Integer> given = new HashMap<>();
        decisions.stream().filter(d -> d.rep() != null).forEach(d -> given.merge(d.rep(), 1, Integer::sum));
        for (RepLoad rep : reps) {
            assertThat(rep.openLeads() + given.getOrDefault(rep.username(), 0))
                    .isLessThanOrEqualTo(Math.max(rep.capacity(), rep.openLeads()));
        }
        // Without rules, the rotation gives leads in turn: counts differ by at most one while every rep has room.
        if (rules.isEmpty()) {
            var rotating = reps.stream()
                    .filter(r -> r.inRotation() && r.capacity() - r.openLeads() >= leads.size())
                    .toList();
            if (rotating.size() == reps.stream().filter(RepLoad::inRotation).count() && !rotating.isEmpty()) {
                var counts = rotating.stream()
                        .map(r -> given.getOrDefault(r.username(), 0))
                        .toList();
                assertThat(counts.stream().mapToInt(Integer::intValue).max().orElse(0)
                                - counts.stream()
                                        .mapToInt(Integer::intValue)
                                        .min()
                                        .orElse(0))
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void hand_raisers_are_parsed_and_bounded() {
        var raisers = HandRaisers.parse("demo_request, Pricing Page Visit\ncontact-sales", 7);
        assertThat(raisers.types())
                .containsExactlyInAnyOrder(
                        ActivityType.DEMO_REQUEST, ActivityType.PRICING_PAGE_VISIT, new ActivityType("contact_sales"));
        assertThat(raisers.typesText()).isEqualTo("contact_sales, demo_request, pricing_page_visit");
        assertThat(raisers.since(NOW)).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(raisers.raisedBy(ActivityType.DEMO_REQUEST, NOW.minusSeconds(3600), NOW))
                .isTrue();
        assertThat(raisers.raisedBy(ActivityType.DEMO_REQUEST, NOW.minusSeconds(8 * 86_400), NOW))
                .isFalse();
        assertThat(raisers.raisedBy(ActivityType.EMAIL_OPEN, NOW, NOW)).isFalse();
        assertThat(HandRaisers.parse(" ", 7).off()).isTrue();
        assertThatThrownBy(() -> HandRaisers.parse("demo_request", 0))
                .hasMessage("A hand-raise counts for 1 to 90 days.");
        assertThatThrownBy(() -> HandRaisers.parse("demo request!", 7)).hasMessageContaining("an activity type is");
        assertThat(HandRaisers.standard().types()).contains(ActivityType.DEMO_REQUEST);
        assertThat(Set.copyOf(HandoffPolicy.standard(true).handRaisers().types()))
                .isEqualTo(HandRaisers.standard().types());
    }
}
