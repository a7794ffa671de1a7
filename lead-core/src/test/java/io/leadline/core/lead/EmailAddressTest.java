package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void is_trimmed_and_lower_cased_so_spellings_of_one_address_are_equal() {
        assertThat(new EmailAddress("  Ana.Souza@Example.COM ")).isEqualTo(new EmailAddress("ana.souza@example.com"));
    }

    @Test
    void knows_its_domain() {
        assertThat(new EmailAddress("ana@sales.acme.io").domain()).isEqualTo("sales.acme.io");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ana", "ana@", "@acme.com", "ana@acme", "ana@@acme.com", "ana souza@acme.com",
            "ana..souza@acme.com", "ana@-acme.com"})
    void rejects_malformed_addresses(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
        assertThatThrownBy(() -> new EmailAddress(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@acme.com", "ana+leads@acme.co.uk", "o'neil@acme-corp.io", "a.b-c_d@x.org"})
    void accepts_ordinary_addresses(String raw) {
        assertThat(EmailAddress.parse(raw)).map(EmailAddress::value).contains(raw);
    }

    @Test
    void rejects_addresses_longer_than_254_characters() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "com";
        assertThat(EmailAddress.parse(local + "@" + domain)).isEmpty();
    }
}
