package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldKeyTest {

    @ParameterizedTest
    @CsvSource({
        "Lead Quality, lead_quality",
        "lead_quality, lead_quality",
        "LEAD-QUALITY, lead_quality",
        "'  Lead   Quality ', lead_quality",
        "Lead Quality (2), lead_quality_2",
        "Country/Region, country_region",
        "Prénom, prénom",
        "Имя, имя",
        "'# of Employees', of_employees",
        "Record ID - Contact, record_id_contact"
    })
    void every_spelling_of_a_name_has_one_key(String name, String key) {
        assertThat(FieldKey.of(name)).isEqualTo(key);
    }

    @Test
    void a_key_is_its_own_key_and_never_starts_or_ends_with_an_underscore() {
        qt().withExamples(500)
                .forAll(strings().allPossible().ofLengthBetween(0, 30))
                .checkAssert(name -> {
                    String key = FieldKey.of(name);
                    assertThat(FieldKey.of(key)).isEqualTo(key);
                    assertThat(key).doesNotStartWith("_").doesNotEndWith("_").doesNotContain("__");
                });
    }

    @Test
    void a_name_without_letters_or_digits_has_no_key() {
        assertThat(FieldKey.of("--- ")).isEmpty();
        assertThatThrownBy(() -> FieldKey.require("?!")).hasMessageContaining("needs a letter or a digit");
    }

    @ParameterizedTest
    @CsvSource({
        "Organic Search, organic_search",
        "organic-search, organic_search",
        "ORGANIC_SEARCH, organic_search",
        "' Paid   search ', paid_search",
        "A+, a+",
        "A-, a-",
        "-5, -5"
    })
    void values_fold_case_and_how_words_are_joined_but_keep_signs(String value, String folded) {
        assertThat(FieldKey.foldValue(value)).isEqualTo(folded);
    }

    @Test
    void a_profile_stores_attributes_by_key_and_reads_them_by_any_spelling() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Lead Quality", "High");
        attributes.put("lead_quality", "Low");
        attributes.put("Budget", "");
        attributes.put("budget", "10k");
        var profile = new LeadProfile("Ana", null, "N/A", null, null, null, "Organic Search", attributes);

        assertThat(profile.attributes())
                .containsOnlyKeys("lead_quality", "budget")
                .containsEntry("lead_quality", "High")
                .containsEntry("budget", "10k");
        assertThat(profile.value("LEAD QUALITY")).contains("High");
        assertThat(profile.source()).isEqualTo("organic_search");
        assertThat(profile.value(LeadField.COMPANY))
                .as("a placeholder is unknown")
                .isEmpty();
    }
}
