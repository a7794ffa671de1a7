package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAliasesTest {

    private final SourceAliases aliases =
            new SourceAliases(Map.of("google_ads", "paid_search", "adwords", "paid_search"));

    @Test
    void an_alias_in_any_spelling_resolves_to_the_source_it_was_merged_into() {
        assertThat(aliases.resolve("Google Ads")).isEqualTo("paid_search");
        assertThat(aliases.resolve("google-ads")).isEqualTo("paid_search");
        assertThat(aliases.resolve("Referral")).isEqualTo("referral");
        assertThat(aliases.resolve(null)).isNull();
    }

    @Test
    void a_profile_gets_the_merged_source_and_nothing_else_changes() {
        LeadProfile profile = new LeadProfile(
                "Ana", new EmailAddress("ana@acme.com"), "Acme", "CEO", 40, "BR", "Google Ads", Map.of("deal", "big"));
        LeadProfile resolved = aliases.apply(profile);
        assertThat(resolved.source()).isEqualTo("paid_search");
        assertThat(resolved).usingRecursiveComparison().ignoringFields("source").isEqualTo(profile);
        LeadProfile plain = new LeadProfile("Ana", null, null, null, null, null, "email", Map.of());
        assertThat(aliases.apply(plain)).isSameAs(plain);
    }

    @Test
    void merging_follows_chains_so_that_no_alias_points_to_another() {
        SourceAliases next = aliases.merging("paid_search", "Paid Ads");
        assertThat(next.sourceOf())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("google_ads", "paid_ads", "adwords", "paid_ads", "paid_search", "paid_ads"));
        SourceAliases intoAnAlias = aliases.merging("bing", "AdWords");
        assertThat(intoAnAlias.resolve("bing")).isEqualTo("paid_search");
        SourceAliases back = aliases.merging("paid_search", "google_ads");
        assertThat(back.sourceOf()).doesNotContainKey("paid_search").isNotEmpty();
    }

    @Test
    void a_source_cannot_be_merged_into_itself_or_into_nothing() {
        assertThat(aliases.problemsMerging("Referral", "referral"))
                .containsExactly("A source cannot be merged into itself.");
        assertThat(aliases.problemsMerging("paid_search", "google_ads"))
                .containsExactly("A source cannot be merged into itself.");
        assertThat(aliases.problemsMerging("", " "))
                .containsExactly("Choose the source to merge.", "Choose the source to merge it into.");
        assertThat(aliases.problemsMerging("bing", "paid_search")).isEmpty();
    }
}
