package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void a_search_is_its_words_in_the_order_typed_without_repeats() {
        assertThat(SearchWords.of("  Almeida   Tiago ")).containsExactly("Almeida", "Tiago");
        assertThat(SearchWords.of("acme, acme;inc")).containsExactly("acme", "inc");
        assertThat(SearchWords.of("")).isEmpty();
        assertThat(SearchWords.of(null)).isEmpty();
    }

    @Test
    void only_the_first_words_count() {
        assertThat(SearchWords.of("a b c d e f g h i j"))
                .hasSize(SearchWords.MAX_WORDS)
                .startsWith("a")
                .endsWith("h");
    }
}
