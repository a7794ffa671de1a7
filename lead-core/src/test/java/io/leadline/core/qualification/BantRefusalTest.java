package io.leadline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.leadline.core.Refusal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A BANT answer refused says so in English and carries what a page needs to say it in the reader's language. */
class BantRefusalTest {

    @Test
    void a_criterion_met_without_evidence_is_refused_with_its_key_and_the_words_it_names() {
        Refusal refusal = catchThrowableOfType(
                Refusal.class,
                () -> new BantAnswer(BantCriterion.NEED, BantStatus.MET, "  ", null, "rita", Instant.EPOCH));

        assertThat(refusal.getMessage())
                .isEqualTo("Need marked Met needs evidence: say what you learned and from whom");
        assertThat(refusal.key()).isEqualTo("bant.evidence");
        assertThat(refusal.arguments())
                .containsExactly(new Refusal.Word("bant.NEED", "Need"), new Refusal.Word("bant.status.MET", "Met"));
    }

    @Test
    void a_policy_out_of_range_is_refused_with_its_key() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> new BantPolicy(Set.of(), 5, null));

        assertThat(refusal.key()).isEqualTo("bant.minimum");
        assertThat(refusal).isInstanceOf(IllegalArgumentException.class);
    }
}
