package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmptyValuesTest {

    private final ColumnMapping mapping = new ColumnMapping(
                    List.of(new ColumnMapping.Column("Company", ImportField.COMPANY, null)))
            .withEmptyValues(ColumnMapping.emptyValuesFrom("TBD,  -\n0000\r\n, ,"));

    @Test
    void typed_words_are_read_as_empty_ignoring_case_and_spaces() {
        assertThat(mapping.emptyValues()).containsExactlyInAnyOrder("tbd", "-", "0000");
        assertThat(mapping.readsAsEmpty("tbd")).isTrue();
        assertThat(mapping.readsAsEmpty(" TBD ")).isTrue();
        assertThat(mapping.readsAsEmpty("TBD Inc")).isFalse();
        assertThat(mapping.withStages(StageMapping.byWords()).emptyValues())
                .as("kept when the stages change")
                .hasSize(3);
    }

    @Test
    void a_row_with_such_a_word_keeps_the_field_empty_and_the_list_is_capped() {
        var columns = List.of(
                new ColumnMapping.Column("Email", ImportField.EMAIL, null),
                new ColumnMapping.Column("Company", ImportField.COMPANY, null));
        var plain = LeadRow.read(List.of("ana@acme.com", "TBD"), new ColumnMapping(columns), Instant.now());
        var read = LeadRow.read(
                List.of("ana@acme.com", "TBD"),
                new ColumnMapping(columns).withEmptyValues(Set.of("tbd")),
                Instant.now());
        assertThat(((LeadRow.Accepted) plain).profile().company()).isEqualTo("TBD");
        assertThat(((LeadRow.Accepted) read).profile().company()).isNull();
        assertThatThrownBy(() -> mapping.withEmptyValues(
                        IntStream.range(0, 51).mapToObj(i -> "v" + i).collect(Collectors.toSet())))
                .hasMessageContaining("at most 50");
    }
}
