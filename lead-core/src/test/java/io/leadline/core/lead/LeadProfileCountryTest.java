package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadProfileCountryTest {

    private static LeadProfile from(String country) {
        return new LeadProfile("Ana", null, null, null, null, country, null, Map.of());
    }

    @Test
    void a_country_code_reads_as_its_name_with_the_code() {
        assertThat(from("BR").countryName()).isEqualTo("Brazil (BR)");
        assertThat(from("KR").countryName()).isEqualTo("South Korea (KR)");
    }

    @Test
    void anything_else_reads_as_stored_and_unknown_as_nothing() {
        assertThat(from("Atlantis").countryName()).isEqualTo("Atlantis");
        assertThat(from("XX").countryName()).isEqualTo("XX");
        assertThat(from(null).countryName()).isEmpty();
    }
}
