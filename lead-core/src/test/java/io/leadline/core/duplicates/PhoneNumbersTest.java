package io.leadline.core.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void one_number_in_international_and_national_formats_is_one() {
        assertThat(PhoneNumbers.e164("+55 (11) 98765-4321", null)).contains("+5511987654321");
        assertThat(PhoneNumbers.e164("(11) 98765-4321", "BR")).contains("+5511987654321");
        assertThat(PhoneNumbers.e164("0055 11 98765 4321", "DE"))
                .as("00 is the international prefix in Germany")
                .contains("+5511987654321");
        assertThat(PhoneNumbers.same("+55 11 98765-4321", null, "(11) 98765-4321", "BR"))
                .isTrue();
        assertThat(PhoneNumbers.same("+55 11 98765-4321", null, "(11) 98765-4321", null))
                .as("a national format read with the other lead's country")
                .isTrue();
    }

    @Test
    void numbers_of_two_countries_that_end_alike_are_two_and_an_unreadable_one_is_taken_on_its_digits() {
        assertThat(PhoneNumbers.same("+44 20 7946 0958", null, "+55 11 07946-0958", null))
                .as("the same last nine digits")
                .isFalse();
        assertThat(PhoneNumbers.same("+1 415 555 0100", null, "+1 (415) 555-0100", "US"))
                .isTrue();
        assertThat(PhoneNumbers.same("98765-4321", null, "+55 11 98765-4321", null))
                .as("too short to resolve")
                .isTrue();
        assertThat(PhoneNumbers.e164("not a number", "BR")).isEmpty();
    }
}
