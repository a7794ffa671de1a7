package io.leadline.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.FitGrade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static QueueEntry entry(LifecycleStage stage, String owner, Duration waiting) {
        return new QueueEntry(
                1,
                "Ana",
                "ana@acme.com",
                "Acme",
                "CTO",
                "paid_search",
                60,
                FitGrade.A,
                1,
                stage,
                owner,
                NOW.minus(waiting),
                null);
    }

    @Test
    void an_unclaimed_mql_waiting_longer_than_the_sla_breaches_it() {
        ResponseSla sla = ResponseSla.hours(24);
        assertThat(sla.breachedBy(entry(LifecycleStage.MQL, null, Duration.ofHours(25)), NOW))
                .isTrue();
        assertThat(sla.breachedBy(entry(LifecycleStage.MQL, null, Duration.ofHours(23)), NOW))
                .isFalse();
        assertThat(sla.breachedBy(entry(LifecycleStage.ACCEPTED, "rita", Duration.ofHours(90)), NOW))
                .isFalse();
        assertThat(sla.queuedBefore(NOW)).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThatThrownBy(() -> ResponseSla.hours(0)).hasMessage("The SLA is between 1 and 720 hours.");
        assertThatThrownBy(() -> ResponseSla.hours(721)).hasMessage("The SLA is between 1 and 720 hours.");
        assertThat(ResponseSla.hours(720).limit()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void round_robin_gives_the_lead_to_the_rep_waiting_longest_with_room() {
        var reps = List.of(
                new RepLoad("rita", 10, 3, NOW.minusSeconds(60)),
                new RepLoad("sam", 10, 9, NOW.minusSeconds(3600)),
                new RepLoad("tom", 2, 2, null));

        assertThat(RoundRobin.nextRep(reps)).contains("sam");
    }

    @Test
    void round_robin_starts_with_reps_never_assigned_and_skips_full_ones() {
        assertThat(RoundRobin.nextRep(List.of(new RepLoad("rita", 5, 0, NOW), new RepLoad("uma", 5, 0, null))))
                .contains("uma");
        assertThat(RoundRobin.nextRep(List.of(new RepLoad("rita", 1, 1, null)))).isEmpty();
    }

    @Test
    void over_many_assignments_reps_with_equal_room_get_equal_shares_and_capacity_holds() {
        Map<String, RepLoad> reps = new HashMap<>(Map.of(
                "rita", new RepLoad("rita", 100, 0, null),
                "sam", new RepLoad("sam", 100, 0, null),
                "tom", new RepLoad("tom", 4, 0, null)));
        List<String> given = new ArrayList<>();
        Instant clock = NOW;
        for (int i = 0; i < 30; i++) {
            clock = clock.plusSeconds(1);
            String rep = RoundRobin.nextRep(reps.values()).orElseThrow();
            RepLoad load = reps.get(rep);
            reps.put(rep, new RepLoad(rep, load.capacity(), load.openLeads() + 1, clock));
            given.add(rep);
        }
        assertThat(given.stream().filter("tom"::equals).count()).isEqualTo(4);
        assertThat(given.stream().filter("rita"::equals).count()).isEqualTo(13);
        assertThat(given.stream().filter("sam"::equals).count()).isEqualTo(13);
    }

    @Test
    void a_filter_cannot_ask_for_stages_outside_the_queue() {
        assertThatThrownBy(() -> new QueueFilter(QueueFilter.Scope.ALL, null, LifecycleStage.WON, null, null, null))
                .hasMessage("Won leads are not in the sales queue");
    }
}
