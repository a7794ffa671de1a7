package io.leadline.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.persistence.server.DatabaseProvisioning;
import io.leadline.persistence.testdb.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;

/** The bootstrap against the test run's real server, as its administrator; the decision itself: BootstrapDecisionTest. */
class PostgresBootstrapTest {

    private final PostgresBootstrap bootstrap =
            new PostgresBootstrap(supplier -> LogFactory.getLog(PostgresBootstrapTest.class));
    private final TestDatabase server = TestDatabase.get();
    private final String name =
            "leadline_bootstrap_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

    @AfterEach
    void dropDatabaseAndRole() throws Exception {
        try (Connection admin =
                DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword())) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
            admin.createStatement().execute("drop role if exists " + name);
        }
    }

    @Test
    void creates_the_role_and_the_database_it_owns_when_neither_exists() throws Exception {
        String url = DatabaseProvisioning.withDatabase(server.adminUrl(), name);
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", name)
                .withProperty("spring.datasource.password", "a-password-of-its-own")
                .withProperty("leadline.database.admin-username", server.adminUser())
                .withProperty(
                        "leadline.database.admin-password",
                        server.adminPassword() == null ? "" : server.adminPassword());

        bootstrap.postProcessEnvironment(env, new SpringApplication());

        try (Connection app = DriverManager.getConnection(url, name, "a-password-of-its-own");
                ResultSet rows = app.createStatement()
                        .executeQuery(
                                "select current_database(), pg_get_userbyid(d.datdba), r.rolsuper from pg_database d, pg_roles r "
                                        + "where d.datname = current_database() and r.rolname = current_user")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(name);
            assertThat(rows.getString(2)).as("owner").isEqualTo(name);
            assertThat(rows.getBoolean(3)).as("superuser").isFalse();
        }
        assertThat(env.getProperty("spring.docker.compose.enabled", Boolean.class))
                .isFalse();
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo(url);
    }

    @Test
    void a_database_the_role_may_log_into_but_not_build_in_is_handed_over_to_it() throws Exception {
        String url = DatabaseProvisioning.withDatabase(server.adminUrl(), name);
        try (Connection admin =
                DriverManager.getConnection(server.adminUrl(), server.adminUser(), server.adminPassword())) {
            admin.createStatement().execute("create role " + name + " login password 'pw'");
            admin.createStatement()
                    .execute("create database " + name); // owned by the administrator, as createdb makes it
        }
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", name)
                .withProperty("spring.datasource.password", "pw")
                .withProperty("leadline.database.admin-username", server.adminUser())
                .withProperty(
                        "leadline.database.admin-password",
                        server.adminPassword() == null ? "" : server.adminPassword());

        bootstrap.postProcessEnvironment(env, new SpringApplication());

        try (Connection app = DriverManager.getConnection(url, name, "pw");
                ResultSet rows = app.createStatement()
                        .executeQuery("select has_schema_privilege(current_user, 'public', 'CREATE'), "
                                + "pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
            rows.next();
            assertThat(rows.getBoolean(1)).as("may create tables").isTrue();
            assertThat(rows.getString(2)).as("owner").isEqualTo(name);
        }
    }

    @Test
    void uses_the_configured_database_as_it_is_when_it_answers() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", server.url())
                .withProperty("spring.datasource.username", server.username())
                .withProperty("spring.datasource.password", server.password())
                .withProperty("leadline.database.admin-username", "nobody_may_be_asked");

        bootstrap.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("spring.docker.compose.enabled", Boolean.class))
                .isFalse();
    }

    @Test
    void a_missing_role_it_cannot_create_says_which_settings_to_change() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", server.url())
                .withProperty("spring.datasource.username", name)
                .withProperty("leadline.database.admin-username", "no_such_admin_" + name);

        assertThatThrownBy(() -> bootstrap.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("refused the role '" + name + "'")
                .satisfies(e ->
                        assertThat(((DatabaseUnavailableException) e).action()).contains("LEADLINE_DB_ADMIN_USER"));
    }

    @Test
    void with_no_server_and_no_docker_it_starts_the_embedded_server_and_stops_it_with_the_application()
            throws Exception {
        Path home = Files.createTempDirectory("leadline-bootstrap");
        Files.setPosixFilePermissions(
                home, PosixFilePermissions.fromString("rwxr-xr-x")); // its system user enters it under root
        int port = freePort();
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + freePort() + "/leadline")
                .withProperty("spring.datasource.username", "leadline")
                .withProperty("leadline.database.docker", "false")
                .withProperty(
                        "leadline.database.embedded.data-dir",
                        home.resolve("pgdata").toString())
                .withProperty("leadline.database.embedded.port", String.valueOf(port));
        SpringApplication application = new SpringApplication();
        try {
            bootstrap.postProcessEnvironment(env, application);

            String url = env.getProperty("spring.datasource.url");
            assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/leadline");
            try (Connection app = DriverManager.getConnection(url, "leadline", "");
                    ResultSet rows = app.createStatement()
                            .executeQuery("select pg_get_userbyid(d.datdba), r.rolsuper from pg_database d, pg_roles r "
                                    + "where d.datname = current_database() and r.rolname = current_user")) {
                rows.next();
                assertThat(rows.getString(1)).as("owner").isEqualTo("leadline");
                assertThat(rows.getBoolean(2)).as("superuser").isFalse();
            }
        } finally {
            try (var context = new GenericApplicationContext()) {
                application.getInitializers().forEach(i -> initialize(i, context));
                context.refresh();
            } // closing the application stops the server
            assertThat(Files.exists(home.resolve("pgdata").resolve("postmaster.pid")))
                    .as("stopped with the application")
                    .isFalse();
            FileSystemUtils.deleteRecursively(home);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void initialize(ApplicationContextInitializer initializer, GenericApplicationContext context) {
        initializer.initialize(context);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
}
