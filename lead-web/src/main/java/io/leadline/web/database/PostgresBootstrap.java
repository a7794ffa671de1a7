package io.leadline.web.database;

import io.leadline.persistence.server.DatabaseProvisioning;
import io.leadline.persistence.server.EmbeddedPostgres;
import io.leadline.web.database.BootstrapDecision.Probe;
import io.leadline.web.database.BootstrapDecision.Situation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the README's run command work with no manual step, before anything else touches the database (see
 * {@link BootstrapDecision} for the order). Where Leadline creates the database it also creates its role —
 * {@code spring.datasource.username}, no superuser — that owns it, so Flyway and the application run with least
 * privilege. Turn it off with {@code leadline.database.bootstrap=false}.
 */
class PostgresBootstrap implements EnvironmentPostProcessor {

    private static final String COMPOSE_FILE = "docker-compose.yml";

    private final Log log;

    PostgresBootstrap(DeferredLogFactory logs) {
        this.log = logs.getLog(PostgresBootstrap.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url");
        if (!env.getProperty("leadline.database.bootstrap", Boolean.class, true)
                || env.containsProperty("spring.docker.compose.enabled")
                || url == null
                || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        DatabaseTarget target = DatabaseTarget.of(env, url);
        Map<String, Object> decided = new HashMap<>();
        decided.put("spring.docker.compose.enabled", false);
        SQLException refusal = null;
        Rights rights = null;
        Probe probe;
        try {
            rights = rights(target);
            // Unless Flyway migrates as a role of its own, the application's role must be able to create the tables.
            probe = env.containsProperty("spring.flyway.user") || rights.mayCreateTables()
                    ? Probe.REACHED
                    : Probe.NOT_OWNER;
        } catch (SQLException e) {
            refusal = e;
            probe = probe(e);
        }
        Path compose = probe == Probe.NO_SERVER ? findComposeFile() : null;
        EmbeddedSettings embedded = EmbeddedSettings.of(env);
        BootstrapDecision decision = BootstrapDecision.decide(new Situation(
                probe,
                target.local(),
                compose != null && env.getProperty("leadline.database.docker", Boolean.class, true) && dockerAnswers(),
                embedded.enabled(),
                EmbeddedPostgres.supported(),
                EmbeddedPostgres.runningAsRoot(),
                embedded.canSwitchUser()));
        switch (decision.plan()) {
            case USE_CONFIGURED -> {
                if (rights.superuser()) {
                    log.warn("Leadline connects to " + target.server() + " as the superuser '" + target.user()
                            + "'; a role that only owns its database is safer (see the README, Database roles)");
                }
            }
            case PROVISION_CONFIGURED -> provision(target, target.adminUser(), target.adminPassword(), refusal);
            case DOCKER_COMPOSE -> {
                log.info("No PostgreSQL answered at " + target.server() + "; starting the one in " + compose
                        + " with Docker Compose");
                decided.put("spring.docker.compose.enabled", true);
                decided.put("spring.docker.compose.file", compose.toString());
            }
            case EMBEDDED -> {
                EmbeddedPostgres server = embedded.start(log, application);
                DatabaseTarget onEmbedded = target.on(server.jdbcUrl(target.database()));
                provision(onEmbedded, EmbeddedPostgres.SUPERUSER, "", null);
                decided.put("spring.datasource.url", onEmbedded.url());
                log.info("Leadline uses the embedded PostgreSQL at " + onEmbedded.url() + " as role '" + target.user()
                        + "', data in " + server.settings().dataDirectory()
                        + server.systemUser()
                                .map(u -> " (run as the system user '" + u + "')")
                                .orElse(""));
            }
            case REFUSE -> throw refused(target, decision, refusal);
        }
        env.getPropertySources().addFirst(new MapPropertySource("leadlineDatabaseBootstrap", decided));
    }

    private static Probe probe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("3D000")) {
            return Probe.DATABASE_MISSING;
        }
        return state.startsWith("28") ? Probe.LOGIN_REFUSED : Probe.NO_SERVER;
    }

    private void provision(DatabaseTarget target, String adminUser, String adminPassword, SQLException refusal) {
        if (!DatabaseProvisioning.plainName(target.user()) || !DatabaseProvisioning.plainName(target.database())) {
            throw new DatabaseUnavailableException(
                    "The role '" + target.user() + "' or the database '" + target.database() + "' is missing on "
                            + target.server() + ", and Leadline creates only names of letters, digits and underscores.",
                    "Create them yourself (see the README, Database roles), or choose such names.");
        }
        try {
            var outcome = new DatabaseProvisioning(target.url(), adminUser, adminPassword)
                    .provide(target.user(), target.password(), target.database());
            log.info("Database '" + target.database() + "' on " + target.server() + " belongs to the role '"
                    + target.user() + "'"
                    + (outcome.roleCreated() ? "; created the role" : "")
                    + (outcome.databaseCreated() ? "; created the database" : "")
                    + (outcome.objectsHandedOver() > 0
                            ? "; handed over " + outcome.objectsHandedOver() + " tables, views and sequences"
                            : ""));
            rights(target); // the role now logs in
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(
                    "PostgreSQL at " + target.server() + " refused the role '" + target.user() + "' ("
                            + (refusal == null ? e.getMessage() : refusal.getMessage())
                            + "), and Leadline could not create it as '"
                            + adminUser + "': " + e.getMessage(),
                    "Set LEADLINE_DB_USER and LEADLINE_DB_PASSWORD to a role that may connect, or LEADLINE_DB_ADMIN_USER and "
                            + "LEADLINE_DB_ADMIN_PASSWORD to one that may create roles and databases (see the README, Database roles).");
        }
    }

    /** What the application's role is and may do in the configured database. */
    private record Rights(boolean superuser, boolean mayCreateTables) {}

    /** Logs in as the application's role (one connection, one query); fails as the login or the database does. */
    private static Rights rights(DatabaseTarget target) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        target.url(), DatabaseProvisioning.credentials(target.user(), target.password()));
                Statement s = c.createStatement();
                var rows = s.executeQuery("select rolsuper, has_schema_privilege(current_user, 'public', 'CREATE') "
                        + "from pg_roles where rolname = current_user")) {
            rows.next();
            return new Rights(rows.getBoolean(1), rows.getBoolean(2));
        }
    }

    private static DatabaseUnavailableException refused(
            DatabaseTarget target, BootstrapDecision decision, SQLException refusal) {
        String what = "Leadline found no PostgreSQL at " + target.server()
                + (refusal == null ? "" : " (" + refusal.getMessage() + ")") + ": " + decision.reason() + ".";
        String action = decision.reason().contains("root")
                ? "Install PostgreSQL 15+ or Docker, or run Leadline as a normal user (the embedded server then runs as you)."
                : "Start PostgreSQL 15+ there, or start Docker and run again (docker-compose.yml has a Postgres), "
                        + "or point LEADLINE_DB_URL at your server.";
        return new DatabaseUnavailableException(what, action);
    }

    /** docker-compose.yml in the working directory or one of its parents (spring-boot:run runs in lead-web/). */
    private static Path findComposeFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(COMPOSE_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean dockerAnswers() {
        try {
            Process docker = new ProcessBuilder("docker", "info")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!docker.waitFor(10, TimeUnit.SECONDS)) {
                docker.destroyForcibly();
                return false;
            }
            return docker.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
