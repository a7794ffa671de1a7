package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitRuleTest {

    private static LeadProfile lead(String email, String title, Integer size, String source, Map<String, String> custom) {
        return new LeadProfile("Ana", new EmailAddress(email), "Acme", title, size, "BR", source, custom);
    }

    private final LeadProfile cto = lead("ana@acme.com", "CTO & Co-founder", 250, "Paid_Search", Map.of("segment", "health"));

    @Test
    void one_of_matches_ignoring_case_and_names_the_value() {
        var rule = new FitRule.OneOf("Paid", "source", Set.of("paid_search"), 10);
        assertThat(rule.evidence(cto)).contains("Source is Paid_Search");
        assertThat(rule.evidence(lead("a@b.co", null, null, "email", Map.of()))).isEmpty();
    }

    @Test
    void contains_matches_whole_words_only() {
        var rule = new FitRule.Contains("Exec", "job_title", List.of("cto"), 30);
        assertThat(rule.evidence(cto)).contains("Job title \"CTO & Co-founder\" contains \"cto\"");
        assertThat(rule.evidence(lead("a@b.co", "Director", null, null, Map.of()))).isEmpty();
        assertThat(new FitRule.Contains("Lead", "job_title", List.of("lead"), 5)
                .evidence(lead("a@b.co", "Leadership coach", null, null, Map.of()))).isEmpty();
    }

    @Test
    void numeric_range_includes_both_bounds_and_ignores_non_numbers() {
        var rule = new FitRule.NumericRange("Mid", "company_size", 100L, 250L, 15);
        assertThat(rule.evidence(cto)).contains("Company size 250 is between 100 and 250");
        assertThat(rule.evidence(lead("a@b.co", null, 99, null, Map.of()))).isEmpty();
        assertThat(new FitRule.NumericRange("Rev", "revenue", 10L, null, 5)
                .evidence(lead("a@b.co", null, null, null, Map.of("revenue", "lots")))).isEmpty();
    }

    @Test
    void numeric_range_rejects_a_minimum_above_its_maximum() {
        assertThatThrownBy(() -> new FitRule.NumericRange("Bad", "company_size", 10L, 5L, 1))
                .hasMessageContaining("minimum 10 is above maximum 5");
    }

    @Test
    void email_domain_matches_subdomains() {
        var rule = new FitRule.EmailDomain("Competitor", Set.of("rival.com"), -50);
        assertThat(rule.evidence(lead("x@eu.rival.com", null, null, null, Map.of()))).contains("email domain is eu.rival.com");
        assertThat(rule.evidence(lead("x@notrival.com", null, null, null, Map.of()))).isEmpty();
    }

    @Test
    void missing_matches_unknown_fields_and_custom_attributes() {
        assertThat(new FitRule.Missing("No size", "company_size", -5).evidence(lead("a@b.co", null, null, null, Map.of())))
                .contains("Company size is unknown");
        assertThat(new FitRule.Missing("No segment", "segment", -5).evidence(cto)).isEmpty();
    }

    @Test
    void rules_read_custom_attributes_by_key() {
        assertThat(new FitRule.OneOf("Health", "segment", Set.of("HEALTH"), 8).evidence(cto)).contains("segment is health");
    }
}
