package io.leadline.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.persistence.testdb.TestDatabase;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class PostgresBootstrapTest {

    private final PostgresBootstrap bootstrap = new PostgresBootstrap(supplier -> LogFactory.getLog(PostgresBootstrapTest.class));

    @Test
    void creates_the_database_when_the_server_answers_but_the_database_does_not_exist() throws Exception {
        TestDatabase db = TestDatabase.get();
        String name = "leadline_bootstrap_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        String url = db.url().replaceFirst("(//[^/]+/)[^?]+", "$1" + name);
        MockEnvironment env = environment(url, db);

        bootstrap.postProcessEnvironment(env, new SpringApplication());

        try (var connection = DriverManager.getConnection(url, db.username(), db.password())) {
            assertThat(connection.getCatalog()).isEqualTo(name);
        } finally {
            try (var admin = DriverManager.getConnection(db.url(), db.username(), db.password())) {
                admin.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        }
        assertThat(env.getProperty("spring.docker.compose.enabled", Boolean.class)).isFalse();
    }

    @Test
    void leaves_docker_compose_off_when_the_configured_database_answers() {
        TestDatabase db = TestDatabase.get();
        MockEnvironment env = environment(db.url(), db);

        bootstrap.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("spring.docker.compose.enabled", Boolean.class)).isFalse();
    }

    @Test
    void with_no_server_and_no_docker_it_stops_with_one_clear_message() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/leadline")
                .withProperty("spring.datasource.username", "postgres");

        boolean dockerAnswers;
        try {
            dockerAnswers = new ProcessBuilder("docker", "info").start().waitFor() == 0;
        } catch (Exception e) {
            dockerAnswers = false;
        }
        if (dockerAnswers) {
            bootstrap.postProcessEnvironment(env, new SpringApplication());
            assertThat(env.getProperty("spring.docker.compose.enabled", Boolean.class)).isTrue();
        } else {
            assertThatThrownBy(() -> bootstrap.postProcessEnvironment(env, new SpringApplication()))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("no PostgreSQL at jdbc:postgresql://127.0.0.1:1/leadline")
                    .satisfies(e -> assertThat(((DatabaseUnavailableException) e).action()).contains("LEADLINE_DB_URL"));
        }
    }

    @Test
    void the_failure_analysis_says_what_happened_and_what_to_do() {
        var analysis = new DatabaseUnavailableFailureAnalyzer()
                .analyze(new DatabaseUnavailableException("No database.", "Start one."));
        assertThat(analysis.getDescription()).isEqualTo("No database.");
        assertThat(analysis.getAction()).isEqualTo("Start one.");
    }

    @Test
    void does_nothing_when_switched_off() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("leadline.database.bootstrap", "false")
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/leadline");

        bootstrap.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.containsProperty("spring.docker.compose.enabled")).isFalse();
    }

    private static MockEnvironment environment(String url, TestDatabase db) {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", db.username())
                .withProperty("spring.datasource.password", db.password() == null ? "" : db.password());
    }
}
