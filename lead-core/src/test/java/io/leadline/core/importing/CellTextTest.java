package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellTextTest {

    /** Characters that matter here: letters, accents composed and not, spaces of every kind, invisibles, controls. */
    private static final String ALPHABET = "aZé\u0301 \u00a0\u2007\u200b\u200d\ufeff\u0000\u0007\t\n-/n";

    @Test
    void cleaned_text_is_composed_trimmed_and_free_of_invisible_and_control_characters_but_tabs_and_line_breaks() {
        qt().withExamples(20_000)
                .forAll(lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 20))
                .checkAssert(codes -> {
                    StringBuilder raw = new StringBuilder();
                    codes.forEach(c -> raw.append(ALPHABET.charAt(c)));
                    String clean = CellText.visible(raw.toString());

                    assertThat(clean).as("from [%s]", raw).isEqualTo(clean.strip());
                    assertThat(Normalizer.isNormalized(clean, Normalizer.Form.NFC))
                            .isTrue();
                    assertThat(clean.codePoints()
                                    .noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n'
                                            || c == 0x200B
                                            || c == 0x200D
                                            || c == 0xFEFF
                                            || c == 0x00A0
                                            || c == 0x2007))
                            .isTrue();
                    assertThat(CellText.visible(clean)).as("idempotent").isEqualTo(clean);
                    assertThat(CellText.invisibleTrouble(clean)).isFalse();
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "NULL",
                "n/a",
                "N/A",
                "-",
                "--",
                "none",
                "Unknown",
                "[not provided]",
                "Select",
                "(blank)",
                " n/a ",
                "#N/A",
                "\u200bnull"
            })
    void placeholders_are_blank(String cell) {
        assertThat(CellText.clean(cell)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NA", "Nonesuch Ltd", "Selection Corp", "0", "No"})
    void values_that_only_look_alike_are_kept(String cell) {
        assertThat(CellText.clean(cell)).isEqualTo(cell);
    }

    @Test
    void typed_trouble_is_noticed() {
        assertThat(CellText.invisibleTrouble("nul\u0000name")).isTrue();
        assertThat(CellText.invisibleTrouble("zero\u200bwidth")).isTrue();
        assertThat(CellText.invisibleTrouble("Ana Souza\nline two")).isFalse();
        assertThat(CellText.visible(" line one\r\n\tline  two\u00a0")).isEqualTo("line one\r\n\tline two");
        assertThat(CellText.visible("Ana  Souza"))
                .as("plain ASCII with a run of spaces")
                .isEqualTo("Ana Souza");
    }
}
