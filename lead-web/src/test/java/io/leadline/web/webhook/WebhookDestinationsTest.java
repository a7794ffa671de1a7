package io.leadline.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDestinationsTest {

    private final WebhookDestinations destinations = new WebhookDestinations("crm.internal.example, 127.0.0.1");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.2/x",
                "http://10.1.2.3/",
                "http://192.168.0.10/",
                "http://172.16.5.5/",
                "http://169.254.169.254/latest",
                "http://[::1]/",
                "http://[fd00::1]/",
                "http://0.0.0.0/",
                "http://100.64.0.1/",
                "http://localhost/"
            })
    void internal_addresses_are_refused(String url) {
        assertThatThrownBy(() -> destinations.check(url)).hasMessageContaining("is an internal address");
    }

    @Test
    void a_public_address_and_an_allowed_host_pass_and_other_urls_are_refused() {
        assertThat(destinations.check("https://93.184.215.14/hooks").getHost()).isEqualTo("93.184.215.14");
        assertThat(destinations.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(destinations.check("https://crm.internal.example/leadline").getHost())
                .isEqualTo("crm.internal.example");
        assertThatThrownBy(() -> destinations.check("ftp://93.184.215.14/"))
                .hasMessageStartingWith("A webhook URL starts with https://");
        assertThatThrownBy(() -> destinations.check("https://user:pw@93.184.215.14/"))
                .hasMessageStartingWith("Put no user name");
        assertThatThrownBy(() -> destinations.check("not a url")).hasMessage("That is not a URL.");
    }

    @Test
    void a_signature_verifies_only_with_its_secret_body_and_time() {
        String header = WebhookSignature.header("whsec_a", 1_000, "{\"a\":1}");
        assertThat(header).startsWith("t=1000,v1=");
        assertThat(WebhookSignature.verifies("whsec_a", header, "{\"a\":1}", 1_100))
                .isTrue();
        assertThat(WebhookSignature.verifies("whsec_a", header, "{\"a\":2}", 1_100))
                .isFalse();
        assertThat(WebhookSignature.verifies("whsec_b", header, "{\"a\":1}", 1_100))
                .isFalse();
        assertThat(WebhookSignature.verifies("whsec_a", header, "{\"a\":1}", 1_000 + 301))
                .isFalse();
        assertThat(WebhookSignature.verifies("whsec_a", "garbage", "{\"a\":1}", 1_000))
                .isFalse();
    }
}
