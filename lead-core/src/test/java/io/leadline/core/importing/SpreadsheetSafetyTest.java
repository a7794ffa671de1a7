package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpreadsheetSafetyTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
                Arguments.of("+1-555-0100", "'+1-555-0100"),
                Arguments.of("-2+3", "'-2+3"),
                Arguments.of("@SUM(A1:A2)", "'@SUM(A1:A2)"),
                Arguments.of("\t=1", "'\t=1"),
                Arguments.of("\r=1", "'\r=1"),
                Arguments.of("Ana Souza", "Ana Souza"),
                Arguments.of("ana@acme.com", "ana@acme.com"),
                Arguments.of("1200", "1200"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void formula_looking_cells_are_escaped_and_others_left_alone(String raw, String written) {
        assertThat(SpreadsheetSafety.cell(raw)).isEqualTo(written);
    }
}
