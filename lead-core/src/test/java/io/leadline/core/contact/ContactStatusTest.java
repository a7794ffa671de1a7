package io.leadline.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

class ContactStatusTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void withdrawing_or_unsubscribing_sets_the_flag_and_giving_consent_again_does_not_lift_it() {
        ContactStatus given = ContactStatus.UNKNOWN.answered(true, ConsentSource.FORM, AT);
        assertThat(given.mayGetMarketing()).isTrue();
        ContactStatus gone = given.unsubscribed(AT.plusSeconds(60));
        assertThat(gone.consent()).isEqualTo(Consent.WITHDRAWN);
        assertThat(gone.source()).isEqualTo(ConsentSource.UNSUBSCRIBE);
        assertThat(gone.mayBeContacted()).isFalse();
        assertThat(gone.answered(true, ConsentSource.FORM, AT.plusSeconds(120)).doNotContact())
                .isTrue();
        assertThat(gone.flagged(false).mayBeContacted()).as("a person lifts it").isTrue();
        assertThat(ContactStatus.UNKNOWN.mayGetMarketing())
                .as("no answer is no consent")
                .isFalse();
        assertThat(ContactStatus.UNKNOWN.mayBeContacted()).isTrue();
    }

    @Test
    void after_any_sequence_of_answers_a_lead_gets_marketing_only_with_consent_and_no_flag() {
        QuickTheory.qt()
                .withExamples(1_000)
                .forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 4)).ofSizeBetween(0, 12))
                .checkAssert(moves -> {
                    ContactStatus status = ContactStatus.UNKNOWN;
                    boolean everRefused = false;
                    for (int move : moves) {
                        status = switch (move) {
                            case 0 -> status.answered(true, ConsentSource.API, AT);
                            case 1 -> status.answered(false, ConsentSource.IMPORT, AT);
                            case 2 -> status.unsubscribed(AT);
                            case 3 -> status.flagged(true);
                            default -> status.flagged(false);
                        };
                        everRefused = move == 4 ? false : everRefused || move == 1 || move == 2 || move == 3;
                    }
                    assertThat(status.doNotContact()).isEqualTo(everRefused);
                    assertThat(status.mayGetMarketing()).isEqualTo(status.consent() == Consent.GIVEN && !everRefused);
                });
    }
}
