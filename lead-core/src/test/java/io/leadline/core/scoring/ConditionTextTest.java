package io.leadline.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ONE_OF | Source | Organic Search, referral | source is one of organic_search, referral",
                "CONTAINS | job_title | vp, head | job title contains vp, head",
                "RANGE | company_size | 100-999 | company size is between 100 and 999",
                "RANGE | Employees | 1000- | employees is at least 1000",
                "MISSING | Company | '' | company is unknown",
                "ONE_OF | Lead Quality | High, Medium | lead_quality is one of high, medium"
            })
    void a_condition_typed_in_the_editor_reads_back_in_words_and_into_the_same_boxes(
            String kind, String field, String values, String words) {
        LeadCondition condition = ConditionText.read(ConditionText.Kind.valueOf(kind), field, values);
        assertThat(condition.describe()).isEqualTo(words);
        assertThat(ConditionText.kindOf(condition).name()).isEqualTo(kind);
        assertThat(ConditionText.read(
                        ConditionText.kindOf(condition), condition.field(), ConditionText.valuesOf(condition)))
                .isEqualTo(condition);
    }

    @Test
    void every_starter_rule_reads_back_into_the_same_condition() {
        for (FitRule rule : StarterModel.version1().fitRules()) {
            LeadCondition when = rule.when();
            assertThat(ConditionText.read(ConditionText.kindOf(when), when.field(), ConditionText.valuesOf(when)))
                    .isEqualTo(when);
        }
        assertThat(StarterModel.version1().fitRules().get(7).when().describe())
                .isEqualTo("source is one of organic_search, paid_search, referral");
    }

    @Test
    void what_cannot_be_read_says_what_to_write() {
        assertThatThrownBy(() -> ConditionText.read(ConditionText.Kind.RANGE, "company_size", "lots"))
                .hasMessage("write the range as 100-999, 1000- or -99");
        assertThatThrownBy(() -> ConditionText.read(ConditionText.Kind.ONE_OF, "source", " , "))
                .hasMessage("list the values, separated by commas");
    }

    @Test
    void a_rule_that_matches_no_lead_or_every_lead_is_warned_about() {
        List<ModelComparison.Sample> samples = IntStream.range(0, 30)
                .mapToObj(i -> new ModelComparison.Sample(
                        i,
                        new LeadProfile(
                                "Lead " + i,
                                new EmailAddress("l" + i + "@acme.com"),
                                null,
                                null,
                                null,
                                null,
                                "Organic Search",
                                Map.of("Lead Quality", i % 2 == 0 ? "High" : "Low")),
                        List.of(),
                        null))
                .toList();
        List<FitRule> rules = List.of(
                new FitRule("Typo", new LeadCondition.OneOf("lead_qualty", Set.of("high")), 10),
                new FitRule("High quality", new LeadCondition.OneOf("Lead Quality", Set.of("high")), 10),
                new FitRule("Organic", new LeadCondition.OneOf("source", Set.of("organic_search")), 5));
        var starter = StarterModel.version1();
        var draft = new ScoringModel(
                2,
                rules,
                starter.engagementRules(),
                List.of(),
                starter.caps(),
                starter.decay(),
                starter.gradeBands(),
                starter.mqlThreshold());

        assertThat(RuleReach.warnings(draft, samples))
                .containsExactly(
                        "\u201cTypo\u201d (lead_qualty is one of high) matches none of the 30 leads: check the field's name and its values.",
                        "\u201cOrganic\u201d (source is one of organic_search) matches every one of the 30 leads: it ranks nobody above anybody.");
    }
}
