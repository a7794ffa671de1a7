package io.leadline.web.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the tracking snippet's unit tests (src/test/js, Node's built-in test runner: nothing to install) as part of the
 * build. Without Node.js on the machine this fails and says so; it never skips.
 */
class TrackingScriptTest {

    @Test
    void the_snippets_queueing_consent_and_privacy_tests_pass() throws Exception {
        Process node;
        try {
            node = new ProcessBuilder("node", "--test", "src/test/js/")
                    .directory(new File("."))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "The tracking script's tests need Node.js 18 or newer on the PATH (apt-get install nodejs): "
                            + e.getMessage(),
                    e);
        }
        assertThat(node.waitFor(120, TimeUnit.SECONDS))
                .as("node --test finished")
                .isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }
}
