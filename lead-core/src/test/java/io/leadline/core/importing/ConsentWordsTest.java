package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentWordsTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "Yes,true",
                "TRUE,true",
                "1,true",
                "Opted in,true",
                "opt-in,true",
                "Sim,true",
                "subscribed,true",
                "No,false",
                "false,false",
                "0,false",
                "Opted Out,false",
                "Não,false",
                "unsubscribed,false",
                "maybe,none",
                "2,none",
                "'',none"
            })
    void a_cell_reads_as_yes_no_or_no_answer(String cell, Boolean expected) {
        assertThat(ConsentWords.answer(cell).orElse(null)).isEqualTo(expected);
    }

    @Test
    void consent_and_opt_out_columns_of_real_exports_are_guessed() {
        var mapping = ColumnMapping.guess(List.of("Email", "Marketing Consent", "HasOptedOutOfEmail", "Unsubscribed"));
        assertThat(mapping.columns())
                .extracting(ColumnMapping.Column::field)
                .containsExactly(
                        ImportField.EMAIL, ImportField.MARKETING_CONSENT, ImportField.OPTED_OUT, ImportField.CUSTOM);
    }
}
