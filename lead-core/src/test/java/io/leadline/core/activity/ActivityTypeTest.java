package io.leadline.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityTypeTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "page_visit, https://acme.com/pricing, pricing_page_visit",
                "page_visit, https://acme.com/en/pricing?plan=team#faq, pricing_page_visit",
                "page_visit, /plans, pricing_page_visit",
                "page_visit, https://acme.com/blog/pricing-strategy-for-saas, web_visit",
                "page_visit, https://acme.com/pricing.html, pricing_page_visit",
                "web_visit, https://pricing.example.com/about, web_visit",
                "page_visit, https://acme.com/about?ref=pricing, web_visit",
                "page_visit, -, web_visit",
                "Page-Visit, https://acme.com/, web_visit",
                "form_submit, -, form_submission",
                "email_open, -, email_open",
                "webinar_registered, -, webinar_registered",
            })
    void an_integrations_event_becomes_the_activity_type_scoring_knows(String key, String url, String expected) {
        assertThat(ActivityType.tracked(key, url).key()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'email open!'", "''", "'a-very-long-activity-type-name-that-goes-past-fifty-characters'"})
    void a_malformed_type_is_refused_with_a_reason(String key) {
        assertThatThrownBy(() -> ActivityType.tracked(key, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activity type");
    }
}
