package io.leadline.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteOriginsTest {

    @Test
    void origins_are_read_one_per_line_or_comma_separated_and_normalised() {
        SiteOrigins.Parsed parsed = SiteOrigins.parse(
                "HTTPS://www.Example.com:443/pricing?x=1\nhttp://localhost:8080, https://*.example.org\n\n");

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.origins().list())
                .containsExactly("https://www.example.com", "http://localhost:8080", "https://*.example.org");
    }

    @Test
    void what_is_not_an_origin_is_named_in_the_message() {
        assertThat(SiteOrigins.parse("www.example.com ftp://x.example").problem())
                .contains("www.example.com")
                .contains("ftp://x.example");
        assertThat(SiteOrigins.parse("  ").problem()).contains("at least one origin");
        assertThat(SiteOrigins.parse("https://a.example/ https://*.*.example").ok())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.example.com, true",
        "https://www.example.com:443, true",
        "http://www.example.com, false",
        "https://www.example.com.evil.test, false",
        "https://evilwww.example.com, false",
        "https://shop.example.org, true",
        "https://a.b.example.org, true",
        "https://example.org, false",
        "https://example.org.evil.test, false",
        "http://localhost:8080, true",
        "http://localhost:8081, false",
        "null, false"
    })
    void a_browsers_origin_is_allowed_only_when_listed(String origin, boolean allowed) {
        SiteOrigins origins = SiteOrigins.parse("https://www.example.com https://*.example.org http://localhost:8080")
                .origins();

        assertThat(origins.allows(origin)).isEqualTo(allowed);
    }
}
