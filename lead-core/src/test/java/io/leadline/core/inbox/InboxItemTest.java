package io.leadline.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxItemTest {

    @Test
    void a_text_is_kept_whole_up_to_the_limit_and_shortened_with_an_ellipsis_beyond() {
        String atLimit = "a".repeat(InboxItem.MAX_TEXT);
        assertThat(InboxItem.fitted(atLimit)).isEqualTo(atLimit);
        String longer = "b".repeat(InboxItem.MAX_TEXT + 40);
        assertThat(InboxItem.fitted(longer))
                .hasSize(InboxItem.MAX_TEXT)
                .endsWith("…")
                .startsWith("bbb");
    }
}
