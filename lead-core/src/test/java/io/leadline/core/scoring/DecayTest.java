package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecayTest {

    @Test
    void steps_read_as_an_admin_writes_them_keep_a_share_by_age() {
        Decay.Stepped steps = Decay.Stepped.parse(" 90:0 ; 30 : 50% ");

        assertThat(steps.text()).isEqualTo("30:50, 90:0");
        assertThat(steps.factor(10)).isEqualTo(1.0);
        assertThat(steps.factor(31)).isEqualTo(0.5);
        assertThat(steps.factor(91)).isZero();
    }

    @Test
    void steps_that_cannot_be_read_say_what_to_write() {
        assertThatThrownBy(() -> Decay.Stepped.parse("thirty days")).hasMessageContaining("days:percent kept");
        assertThatThrownBy(() -> Decay.Stepped.parse("30:150")).hasMessageContaining("0 to 100 %");
        assertThatThrownBy(() -> Decay.Stepped.parse(" , ")).hasMessageContaining("at least one step");
        assertThatThrownBy(() -> Decay.Stepped.parse("30:50, 30:20")).hasMessageContaining("one step only");
        assertThatThrownBy(() -> Decay.Stepped.parse("30:20, 90:50")).hasMessageContaining("must not rise with age");
    }

    /** Whatever steps are written, their text reads back as the same decay, and the factor never grows with age. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void the_text_of_any_steps_reads_back_as_the_same_decay(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        int days = 0;
        int percent = 100;
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            days += 1 + random.nextInt(60);
            percent = random.nextInt(percent + 1);
            text.append(i == 0 ? "" : ", ").append(days).append(':').append(percent);
        }
        Decay.Stepped steps = Decay.Stepped.parse(text.toString());

        assertThat(Decay.Stepped.parse(steps.text())).isEqualTo(steps);
        double previous = 1.0;
        for (int age = 0; age < 400; age += 7) {
            assertThat(steps.factor(age)).isLessThanOrEqualTo(previous);
            previous = steps.factor(age);
        }
    }
}
