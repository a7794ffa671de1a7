package io.leadline.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlingTest {

    private final Throttling account = Throttling.perAccount();

    @Test
    void the_free_attempts_cost_nothing_then_the_wait_doubles_up_to_the_longest() {
        assertThat(account.delayAfter(0)).isEmpty();
        assertThat(account.delayAfter(4)).isEmpty();
        assertThat(account.delayAfter(5)).contains(Duration.ofSeconds(30));
        assertThat(account.delayAfter(6)).contains(Duration.ofMinutes(1));
        assertThat(account.delayAfter(9)).contains(Duration.ofMinutes(8));
        assertThat(account.delayAfter(10)).contains(Duration.ofMinutes(15));
        assertThat(account.delayAfter(Integer.MAX_VALUE)).contains(Duration.ofMinutes(15));
    }

    @Test
    void the_wait_never_shrinks_with_more_failures_and_never_passes_the_longest() {
        qt().forAll(integers().between(0, 1_000_000), integers().between(0, 1_000))
                .check((failures, more) -> {
                    Duration now = account.delayAfter(failures).orElse(Duration.ZERO);
                    Duration later = account.delayAfter(failures + more).orElse(Duration.ZERO);
                    return later.compareTo(now) >= 0 && later.compareTo(account.longestDelay()) <= 0;
                });
    }

    @Test
    void an_address_gets_more_free_attempts_than_an_account() {
        assertThat(Throttling.perAddress().delayAfter(19)).isEmpty();
        assertThat(Throttling.perAddress().delayAfter(20)).contains(Duration.ofSeconds(30));
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new Throttling(0, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Throttling(3, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
