package io.leadline.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.FitGrade;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static QueueEntry entry(
            long id, int score, int priority, Double likelihood, Duration waiting, Instant slaFrom) {
        Instant since = NOW.minus(waiting);
        return new QueueEntry(
                id,
                "Lead " + id,
                null,
                null,
                null,
                null,
                score,
                FitGrade.B,
                priority,
                LifecycleStage.MQL,
                null,
                since,
                likelihood,
                slaFrom,
                null);
    }

    @Test
    void each_order_ranks_by_its_key_then_lead_id() {
        var a = entry(1, 40, 300, 0.5, Duration.ofHours(1), null);
        var b = entry(2, 90, 200, null, Duration.ofHours(9), null);
        var c = entry(3, 60, 300, 0.8, Duration.ofHours(3), null);
        List<QueueEntry> all = List.of(a, b, c);
        assertThat(sorted(all, QueueFilter.Order.PRIORITY)).containsExactly(a, c, b);
        assertThat(sorted(all, QueueFilter.Order.SCORE)).containsExactly(b, c, a);
        assertThat(sorted(all, QueueFilter.Order.LIKELIHOOD)).containsExactly(c, a, b);
        assertThat(sorted(all, QueueFilter.Order.WAITING)).containsExactly(b, c, a);
        assertThat(c.position(QueueFilter.Order.SCORE)).isEqualTo(new QueuePosition(-60, 3));
    }

    private static List<QueueEntry> sorted(List<QueueEntry> entries, QueueFilter.Order order) {
        return entries.stream()
                .sorted(Comparator.comparingLong(order::key).thenComparingLong(QueueEntry::leadId))
                .toList();
    }

    @Test
    void history_never_breaches_the_sla_and_a_watched_lead_does_from_when_its_clock_started() {
        ResponseSla sla = ResponseSla.hours(24);
        // In the queue for 30 days as history (imported without starting the clock): no badge.
        assertThat(sla.breachedBy(entry(1, 50, 1, null, Duration.ofDays(30), null), NOW))
                .isFalse();
        assertThat(sla.breachedBy(entry(2, 50, 1, null, Duration.ofDays(30), NOW.minus(Duration.ofHours(25))), NOW))
                .isTrue();
        assertThat(sla.breachedBy(entry(3, 50, 1, null, Duration.ofDays(30), NOW.minus(Duration.ofHours(2))), NOW))
                .isFalse();
    }

    @Test
    void the_time_in_the_queue_reads_as_a_duration() {
        assertThat(entry(1, 0, 0, null, Duration.ofMinutes(40), null).waitingFor(NOW))
                .isEqualTo("40 min");
        assertThat(entry(1, 0, 0, null, Duration.ofHours(5).plusMinutes(59), null)
                        .waitingFor(NOW))
                .isEqualTo("5 h");
        assertThat(entry(1, 0, 0, null, Duration.ofHours(76), null).waitingFor(NOW))
                .isEqualTo("3 d 4 h");
        assertThat(entry(1, 0, 0, null, Duration.ofDays(2), null).waitingFor(NOW))
                .isEqualTo("2 d");
        var hot = new QueueEntry(
                1,
                "Ana",
                null,
                null,
                null,
                null,
                56,
                FitGrade.C,
                1,
                LifecycleStage.MQL,
                null,
                NOW,
                null,
                NOW,
                NOW.minus(Duration.ofMinutes(90)));
        assertThat(hot.hot()).isTrue();
        assertThat(hot.handRaisedFor(NOW)).isEqualTo("1 h");
    }
}
