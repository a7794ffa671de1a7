package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadConditionTest {

    private static LeadProfile lead(
            String email, String title, Integer size, String source, Map<String, String> custom) {
        return new LeadProfile("Ana", new EmailAddress(email), "Acme", title, size, "BR", source, custom);
    }

    private final LeadProfile cto =
            lead("ana@acme.com", "CTO & Co-founder", 250, "Paid_Search", Map.of("segment", "health"));

    @Test
    void one_of_matches_ignoring_case_and_names_the_value() {
        var rule = new LeadCondition.OneOf("source", Set.of("paid_search"));
        assertThat(rule.evidence(cto)).contains("Source is paid_search");
        assertThat(rule.evidence(lead("a@b.co", null, null, "email", Map.of()))).isEmpty();
    }

    @Test
    void contains_matches_whole_words_only() {
        var rule = new LeadCondition.Contains("job_title", List.of("cto"));
        assertThat(rule.evidence(cto)).contains("Job title \"CTO & Co-founder\" contains \"cto\"");
        assertThat(rule.evidence(lead("a@b.co", "Director", null, null, Map.of())))
                .isEmpty();
        assertThat(new LeadCondition.Contains("job_title", List.of("lead"))
                        .evidence(lead("a@b.co", "Leadership coach", null, null, Map.of())))
                .isEmpty();
    }

    @Test
    void numeric_range_includes_both_bounds_and_ignores_non_numbers() {
        var rule = new LeadCondition.NumericRange("company_size", 100L, 250L);
        assertThat(rule.evidence(cto)).contains("Company size 250 is between 100 and 250");
        assertThat(rule.evidence(lead("a@b.co", null, 99, null, Map.of()))).isEmpty();
        assertThat(new LeadCondition.NumericRange("revenue", 10L, null)
                        .evidence(lead("a@b.co", null, null, null, Map.of("revenue", "lots"))))
                .isEmpty();
    }

    @Test
    void numeric_range_rejects_a_minimum_above_its_maximum() {
        assertThatThrownBy(() -> new LeadCondition.NumericRange("company_size", 10L, 5L))
                .hasMessageContaining("minimum 10 above its maximum 5");
        assertThatThrownBy(() -> new LeadCondition.NumericRange("company_size", null, null))
                .hasMessageContaining("needs a minimum, a maximum or both");
    }

    @Test
    void email_domain_matches_subdomains() {
        var rule = new LeadCondition.EmailDomain(Set.of("rival.com"));
        assertThat(rule.evidence(lead("x@eu.rival.com", null, null, null, Map.of())))
                .contains("email domain is eu.rival.com");
        assertThat(rule.evidence(lead("x@notrival.com", null, null, null, Map.of())))
                .isEmpty();
    }

    @Test
    void missing_matches_unknown_fields_and_custom_attributes() {
        assertThat(new LeadCondition.Missing("company_size").evidence(lead("a@b.co", null, null, null, Map.of())))
                .contains("Company size is unknown");
        assertThat(new LeadCondition.Missing("segment").evidence(cto)).isEmpty();
    }

    @Test
    void matches_flags_placeholder_values_ignoring_case() {
        var placeholder = new LeadCondition.Matches("full_name", "^(test|asdf)\\b");
        assertThat(placeholder.evidence(new LeadProfile(
                        "TEST user", new EmailAddress("t@acme.com"), null, null, null, null, null, Map.of())))
                .contains("Name \"TEST user\" looks invalid");
        assertThat(placeholder.evidence(new LeadProfile(
                        "Tessa", new EmailAddress("t@acme.com"), null, null, null, null, null, Map.of())))
                .isEmpty();
    }

    @Test
    void rules_read_custom_attributes_by_key() {
        assertThat(new LeadCondition.OneOf("segment", Set.of("HEALTH")).evidence(cto))
                .contains("segment is health");
    }
}
