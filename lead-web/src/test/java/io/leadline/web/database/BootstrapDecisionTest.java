package io.leadline.web.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.web.database.BootstrapDecision.Plan;
import io.leadline.web.database.BootstrapDecision.Probe;
import io.leadline.web.database.BootstrapDecision.Situation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/** Every case of the start-up decision, simulated: local server, Docker, embedded, refused. */
class BootstrapDecisionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // probe, local, docker+compose, embedded on, binaries, root, runuser → plan
                Arguments.of(Probe.REACHED, true, true, true, true, true, false, Plan.USE_CONFIGURED),
                Arguments.of(Probe.REACHED, false, false, false, false, false, false, Plan.USE_CONFIGURED),
                Arguments.of(Probe.DATABASE_MISSING, true, false, true, true, false, true, Plan.PROVISION_CONFIGURED),
                Arguments.of(Probe.DATABASE_MISSING, false, false, true, true, false, true, Plan.PROVISION_CONFIGURED),
                Arguments.of(Probe.LOGIN_REFUSED, true, true, true, true, false, true, Plan.PROVISION_CONFIGURED),
                Arguments.of(Probe.NOT_OWNER, false, false, false, false, false, false, Plan.PROVISION_CONFIGURED),
                Arguments.of(Probe.NO_SERVER, true, true, true, true, false, true, Plan.DOCKER_COMPOSE),
                Arguments.of(Probe.NO_SERVER, true, true, false, false, true, false, Plan.DOCKER_COMPOSE),
                Arguments.of(Probe.NO_SERVER, true, false, true, true, false, false, Plan.EMBEDDED),
                Arguments.of(Probe.NO_SERVER, true, false, true, true, true, true, Plan.EMBEDDED),
                Arguments.of(Probe.NO_SERVER, true, false, true, true, true, false, Plan.REFUSE),
                Arguments.of(Probe.NO_SERVER, true, false, false, true, false, true, Plan.REFUSE),
                Arguments.of(Probe.NO_SERVER, true, false, true, false, false, true, Plan.REFUSE),
                Arguments.of(Probe.NO_SERVER, false, true, true, true, false, true, Plan.REFUSE));
    }

    @ParameterizedTest(name = "{0}, local={1}, docker={2}, embedded={3}, binaries={4}, root={5}, runuser={6} → {7}")
    @MethodSource("cases")
    void decides(
            Probe probe,
            boolean local,
            boolean docker,
            boolean embedded,
            boolean binaries,
            boolean root,
            boolean switchUser,
            Plan expected) {
        BootstrapDecision decision =
                BootstrapDecision.decide(new Situation(probe, local, docker, embedded, binaries, root, switchUser));

        assertThat(decision.plan()).isEqualTo(expected);
        assertThat(decision.reason()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://127.0.0.1:5432/leadline",
                "jdbc:postgresql://localhost/leadline",
                "jdbc:postgresql://[::1]:5432/leadline?ssl=false"
            })
    void a_url_on_this_machine_is_local(String url) {
        assertThat(DatabaseTarget.of(new MockEnvironment(), url).local()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://db.example.com:5432/leadline",
                "jdbc:postgresql://10.0.0.5/leadline",
                "jdbc:postgresql://localhost.example.com/leadline"
            })
    void a_url_elsewhere_is_not(String url) {
        assertThat(DatabaseTarget.of(new MockEnvironment(), url).local()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://127.0.0.1:5432/leadline?user=x&password=secret",
                "jdbc:postgresql://h/leadline"
            })
    void names_the_database_and_never_shows_the_urls_parameters(String url) {
        DatabaseTarget target = DatabaseTarget.of(new MockEnvironment(), url);
        assertThat(target.database()).isEqualTo("leadline");
        assertThat(target.server()).doesNotContain("secret").endsWith("/leadline");
    }
}
