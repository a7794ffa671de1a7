package io.leadline.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.leadline.core.inbox.InboxItem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaWatchTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");
    private final SlaWatch watch = new SlaWatch(ResponseSla.hours(4));

    private SlaWatch.WaitingMql waiting(Duration waited) {
        return new SlaWatch.WaitingMql(7, "Ana Souza", NOW.minus(waited));
    }

    @Test
    void nothing_before_three_quarters_then_at_risk_then_breached_then_quiet_after_a_day() {
        assertThat(watch.noticeFor(waiting(Duration.ofMinutes(179)), NOW)).isEmpty();
        var risk = watch.noticeFor(waiting(Duration.ofMinutes(200)), NOW).orElseThrow();
        assertThat(risk.kind()).isEqualTo(InboxItem.Kind.SLA_AT_RISK);
        assertThat(risk.text()).isEqualTo("Ana Souza is unclaimed; the 4 hours response time runs out in 40 minutes.");
        var breach = watch.noticeFor(waiting(Duration.ofHours(5)), NOW).orElseThrow();
        assertThat(breach.kind()).isEqualTo(InboxItem.Kind.SLA_BREACHED);
        assertThat(breach.at()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(watch.noticeFor(waiting(Duration.ofHours(29)), NOW)).isEmpty();
    }

    @Test
    void a_notice_keeps_its_key_whenever_it_is_computed_so_it_is_given_once() {
        qt().forAll(integers().between(180, 239), integers().between(0, 59)).check((waited, later) -> {
            var first =
                    watch.noticeFor(waiting(Duration.ofMinutes(waited)), NOW).orElseThrow();
            var polledLater = watch.noticeFor(
                    new SlaWatch.WaitingMql(7, "Ana Souza", NOW.minus(Duration.ofMinutes(waited))),
                    NOW.plus(Duration.ofMinutes(Math.min(later, 239 - waited))));
            return polledLater.isPresent()
                    && polledLater.get().key().equals(first.key())
                    && first.keyFor("rita").equals(first.key() + ":rita");
        });
    }

    @Test
    void the_window_covers_exactly_the_leads_that_can_need_a_notice() {
        assertThat(watch.atRiskQueuedBefore(NOW)).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(watch.oldestQueuedAt(NOW)).isEqualTo(NOW.minus(Duration.ofHours(28)));
    }

    @Test
    void the_admin_chooses_how_long_before_the_limit_the_reps_are_warned() {
        var early = new SlaWatch(ResponseSla.hours(4), Duration.ofHours(2));
        assertThat(early.noticeFor(waiting(Duration.ofMinutes(119)), NOW)).isEmpty();
        assertThat(early.noticeFor(waiting(Duration.ofMinutes(121)), NOW)).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(InboxItem.Kind.SLA_AT_RISK);
            assertThat(n.text()).endsWith("runs out in 119 minutes.");
        });
        var always = new SlaWatch(ResponseSla.hours(4), Duration.ofHours(9));
        assertThat(always.noticeFor(waiting(Duration.ofMinutes(1)), NOW))
                .as("warned from the start")
                .hasValueSatisfying(n -> assertThat(n.kind()).isEqualTo(InboxItem.Kind.SLA_AT_RISK));
        assertThat(new HandoffPolicy(HandRaisers.standard(), QueueFilter.Order.SCORE, false, null, 30)
                        .slaWatch(4)
                        .warnBefore())
                .isEqualTo(Duration.ofMinutes(30));
    }
}
