package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellReadingTest {

    @Test
    void standard_fields_say_how_their_value_reads() {
        assertThat(CellReading.of(ImportField.COMPANY_SIZE, "1,200")).contains("\"1,200\" reads as 1200 employees");
        assertThat(CellReading.of(ImportField.COMPANY_SIZE, "50-199")).contains("\"50-199\" reads as 50 employees");
        assertThat(CellReading.of(ImportField.COMPANY_SIZE, "lots"))
                .contains("\"lots\" is not a number of employees: such rows are rejected");
        assertThat(CellReading.of(ImportField.COUNTRY, "Korea, Republic of"))
                .contains("\"Korea, Republic of\" reads as KR");
        assertThat(CellReading.of(ImportField.COUNTRY, "Atlantis"))
                .contains("\"Atlantis\" is no country Leadline knows: left blank, with a warning");
        assertThat(CellReading.of(ImportField.EMAIL, " ANA@Acme.COM "))
                .contains("\"ANA@Acme.COM\" reads as ana@acme.com");
        assertThat(CellReading.of(ImportField.SOURCE, "Organic Search"))
                .contains("\"Organic Search\" reads as the source organic_search");
    }

    @Test
    void text_fields_blanks_and_placeholders_say_nothing() {
        assertThat(CellReading.of(ImportField.COMPANY, "Acme")).isEmpty();
        assertThat(CellReading.of(ImportField.COUNTRY, "N/A")).isEmpty();
        assertThat(CellReading.of(ImportField.EMAIL, "")).isEmpty();
    }
}
