package io.leadline.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private static final Instant FIRST = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void waits_double_from_ten_seconds_up_to_an_hour_and_gives_up_after_a_day() {
        assertThat(RetryPolicy.nextAttempt(1, FIRST, FIRST, 0)).contains(FIRST.plusSeconds(10));
        assertThat(RetryPolicy.nextAttempt(2, FIRST, FIRST, 0)).contains(FIRST.plusSeconds(20));
        assertThat(RetryPolicy.nextAttempt(4, FIRST, FIRST, 0)).contains(FIRST.plusSeconds(80));
        assertThat(RetryPolicy.nextAttempt(30, FIRST, FIRST, 0)).contains(FIRST.plus(Duration.ofHours(1)));
        Instant late = FIRST.plus(RetryPolicy.GIVE_UP_AFTER);
        assertThat(RetryPolicy.nextAttempt(3, FIRST, late, 0)).isEmpty();
    }

    /** Seeded jitter: never earlier than the base wait, never more than a fifth later. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.13, 0.5, 0.99})
    void jitter_stays_within_a_fifth(double jitter) {
        Instant next = RetryPolicy.nextAttempt(3, FIRST, FIRST, jitter).orElseThrow();
        assertThat(Duration.between(FIRST, next).toMillis()).isBetween(40_000L, 48_000L);
    }

    @Test
    void each_stage_sales_reaches_has_its_event_and_new_has_none() {
        assertThat(WebhookEvent.ofMoveTo(LifecycleStage.MQL)).contains(WebhookEvent.MQL);
        assertThat(WebhookEvent.ofMoveTo(LifecycleStage.ACCEPTED)).contains(WebhookEvent.CLAIMED);
        assertThat(WebhookEvent.ofMoveTo(LifecycleStage.NEW)).isEmpty();
        assertThat(WebhookEvent.ofType("lead.won")).isEqualTo(WebhookEvent.WON);
        assertThatThrownBy(() -> WebhookEvent.ofType("lead.maybe"))
                .hasMessage("No webhook event is called 'lead.maybe'.");
    }
}
