package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.FieldFilter;
import io.leadline.core.lead.FieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldTypesTest {

    @Test
    void numbers_in_the_ways_exports_write_them() {
        assertThat(FieldTypes.detect(List.of("1200", "3,5", "-4", "1,234.5", "", "N/A", "0")))
                .isEqualTo(FieldType.NUMBER);
    }

    @Test
    void dates_written_year_day_or_month_first() {
        assertThat(FieldTypes.detect(List.of("2024-03-05", "2023-12-31 10:00", "null")))
                .isEqualTo(FieldType.DATE);
        assertThat(FieldTypes.detect(List.of("05/03/2024", "28/02/2024"))).isEqualTo(FieldType.DATE);
        assertThat(FieldTypes.detect(List.of("2/5/24 1:51", "12/28/21 17:05"))).isEqualTo(FieldType.DATE);
    }

    @Test
    void numbers_are_numbers_and_not_excel_serials() {
        assertThat(FieldTypes.detect(List.of("45356", "45001"))).isEqualTo(FieldType.NUMBER);
    }

    @Test
    void a_few_stray_values_do_not_make_a_column_text_but_more_do() {
        List<String> mostlyNumbers = new ArrayList<>(Collections.nCopies(39, "12"));
        mostlyNumbers.add("about twelve");
        assertThat(FieldTypes.detect(mostlyNumbers)).isEqualTo(FieldType.NUMBER);
        List<String> mixed = new ArrayList<>(Collections.nCopies(18, "12"));
        mixed.addAll(List.of("twelve", "a dozen"));
        assertThat(FieldTypes.detect(mixed)).isEqualTo(FieldType.TEXT);
    }

    @Test
    void text_and_empty_columns_are_text() {
        assertThat(FieldTypes.detect(List.of("retail", "health"))).isEqualTo(FieldType.TEXT);
        assertThat(FieldTypes.detect(List.of("", " ", "[not provided]"))).isEqualTo(FieldType.TEXT);
    }

    @Test
    void a_field_filter_needs_a_field_and_a_value_or_a_sane_range() {
        assertThat(FieldFilter.of("", "", null, null)).isNull();
        assertThat(FieldFilter.of("Employees Exact", null, 10.0, null).field()).isEqualTo("employees_exact");
        assertThatThrownBy(() -> FieldFilter.of("", "retail", null, null)).hasMessage("Name the field to filter on.");
        assertThatThrownBy(() -> FieldFilter.of("industry", " ", null, null))
                .hasMessage("Give the value of industry to look for, or a range.");
        assertThatThrownBy(() -> FieldFilter.of("size", null, 10.0, 5.0))
                .hasMessage("The lowest value of size is above the highest.");
    }
}
