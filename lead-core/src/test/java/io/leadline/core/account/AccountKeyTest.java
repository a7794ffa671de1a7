package io.leadline.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ACME, Inc.               | acme
            Acme inc                 | acme
            '  acme  '               | acme
            Acme Corporation         | acme
            Müller GmbH & Co. KG     | muller
            Natura Cosméticos S.A.   | natura cosmeticos
            Padaria São João Ltda ME | padaria sao joao
            AT&T                     | at&t
            Globex Holdings Ltd.     | globex holdings
            3M                       | 3m
            """)
    void one_key_for_the_spellings_of_a_company(String company, String key) {
        assertThat(AccountKey.of(company)).map(AccountKey::value).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Inc.", "S.A.", "---", "LLC"})
    void no_account_for_a_name_of_nothing_but_legal_forms_or_punctuation(String company) {
        assertThat(AccountKey.of(company)).isEmpty();
    }

    @Test
    void no_account_for_an_unknown_company() {
        assertThat(AccountKey.of(null)).isEmpty();
    }

    @Test
    void a_key_is_its_own_key_whatever_the_name() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(name -> AccountKey.of(name)
                        .ifPresent(key -> assertThat(AccountKey.of(key.value())).contains(key)));
    }

    @Test
    void letter_case_punctuation_and_spacing_never_split_an_account() {
        qt().forAll(
                        strings().basicLatinAlphabet().ofLengthBetween(1, 40),
                        integers().between(0, 3))
                .checkAssert((name, style) -> {
                    String spelled = switch (style) {
                        case 0 -> name.toUpperCase(Locale.ROOT);
                        case 1 -> "  " + name.toLowerCase(Locale.ROOT) + "  ";
                        case 2 -> name.replace(" ", " , ");
                        default -> name + ", Inc.";
                    };
                    AccountKey.of(name)
                            .ifPresent(key -> assertThat(AccountKey.of(spelled)).contains(key));
                });
    }

    @Test
    void long_names_are_cut_to_the_column() {
        assertThat(AccountKey.of("x".repeat(500))).map(k -> k.value().length()).contains(AccountKey.MAX_LENGTH);
    }
}
