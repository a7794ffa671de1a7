package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

class EmailAddressTest {

    /**
     * The grammar as a regular expression: the hand-written check must agree with it on every text. A letter or digit
     * is ASCII's or any other script's (RFC 6531); texts are lower-cased first, as the address is.
     */
    private static final Pattern GRAMMAR =
            Pattern.compile("^[\\p{L}\\p{Nd}!#$%&'*+/=?^_`{|}~.-]+@[\\p{L}\\p{Nd}](?:[\\p{L}\\p{Nd}-]*[\\p{L}\\p{Nd}])?"
                    + "(?:\\.[\\p{L}\\p{Nd}](?:[\\p{L}\\p{Nd}-]*[\\p{L}\\p{Nd}])?)+$");

    @Test
    void the_hand_written_check_agrees_with_the_grammar() {
        // Texts built from the characters that matter, so that valid and invalid addresses both come up often.
        QuickTheory.qt()
                .withExamples(20_000)
                .forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 9)).ofSizeBetween(1, 16))
                .checkAssert(codes -> {
                    StringBuilder text = new StringBuilder();
                    codes.forEach(c -> text.append("ab9@.-_+éZ".charAt(c)));
                    String s = text.toString().toLowerCase(Locale.ROOT);
                    boolean expected = s.length() <= EmailAddress.MAX_LENGTH
                            && !s.contains("..")
                            && GRAMMAR.matcher(s).matches();
                    assertThat(EmailAddress.isValid(s)).as(s).isEqualTo(expected);
                });
    }

    @Test
    void is_trimmed_and_lower_cased_so_spellings_of_one_address_are_equal() {
        assertThat(new EmailAddress("  Ana.Souza@Example.COM ")).isEqualTo(new EmailAddress("ana.souza@example.com"));
    }

    @Test
    void knows_its_domain() {
        assertThat(new EmailAddress("ana@sales.acme.io").domain()).isEqualTo("sales.acme.io");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "ana",
                "ana@",
                "@acme.com",
                "ana@acme",
                "ana@@acme.com",
                "ana souza@acme.com",
                "ana..souza@acme.com",
                "ana@-acme.com"
            })
    void rejects_malformed_addresses(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
        assertThatThrownBy(() -> new EmailAddress(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@acme.com", "ana+leads@acme.co.uk", "o'neil@acme-corp.io", "a.b-c_d@x.org"})
    void accepts_ordinary_addresses(String raw) {
        assertThat(EmailAddress.parse(raw)).map(EmailAddress::value).contains(raw);
    }

    @Test
    void accepts_internationalised_addresses_composed_and_lower_cased() {
        assertThat(EmailAddress.parse("joão.fernandes@exemplo.com.br"))
                .map(EmailAddress::value)
                .contains("joão.fernandes@exemplo.com.br");
        // "JOA" + combining tilde + "O": decomposed, upper case, as some systems export it.
        assertThat(EmailAddress.parse("JOA\u0303O@Exemplo.COM.br"))
                .map(EmailAddress::value)
                .contains("joão@exemplo.com.br");
        assertThat(EmailAddress.parse("müller@bücher.de")).isPresent();
        assertThat(EmailAddress.parse("ana\u200b@acme.com"))
                .as("a zero-width space is no letter")
                .isEmpty();
    }

    @Test
    void rejects_addresses_longer_than_254_characters() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "com";
        assertThat(EmailAddress.parse(local + "@" + domain)).isEmpty();
    }
}
