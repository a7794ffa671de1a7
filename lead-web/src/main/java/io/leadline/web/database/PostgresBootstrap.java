package io.leadline.web.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code ./mvnw … spring-boot:run} work with no manual step, before anything else touches the database:
 * <ul>
 *   <li>the configured Postgres answers → use it, creating the database if it does not exist yet;</li>
 *   <li>nothing answers, but a Docker engine does → let Boot's Docker Compose support start the Postgres of
 *       {@code docker-compose.yml};</li>
 *   <li>neither → stop with one clear line saying what to do (see {@link DatabaseUnavailableFailureAnalyzer}).</li>
 * </ul>
 * Turn it off with {@code leadline.database.bootstrap=false}.
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
                || url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        Map<String, Object> decided = new HashMap<>();
        try {
            reach(url, user, password);
            decided.put("spring.docker.compose.enabled", false);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("3D000")) {
                createDatabase(url, user, password);
                decided.put("spring.docker.compose.enabled", false);
            } else if (state.startsWith("28")) {
                throw new DatabaseUnavailableException(
                        "PostgreSQL at " + server(url) + " refused the login of user '" + user + "': " + e.getMessage(),
                        "Set LEADLINE_DB_USER and LEADLINE_DB_PASSWORD to an account that may connect (see the README).");
            } else {
                Path compose = findComposeFile();
                if (compose != null && dockerAnswers()) {
                    log.info("No PostgreSQL answered at " + server(url) + "; starting the one in " + compose + " with Docker Compose");
                    decided.put("spring.docker.compose.enabled", true);
                    decided.put("spring.docker.compose.file", compose.toString());
                } else {
                    throw new DatabaseUnavailableException(
                            "Leadline found no PostgreSQL at " + server(url) + " (" + e.getMessage() + ") and no Docker engine to start one.",
                            "Start PostgreSQL 15+ there, or start Docker and run again (docker-compose.yml has a Postgres), "
                                    + "or point LEADLINE_DB_URL at your server.");
                }
            }
        }
        env.getPropertySources().addLast(new MapPropertySource("leadlineDatabaseBootstrap", decided));
    }

    private static void reach(String url, String user, String password) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(url, credentials(user, password))) {
            // reachable, and the database exists
        }
    }

    private void createDatabase(String url, String user, String password) {
        String name = databaseName(url);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new DatabaseUnavailableException("The database '" + name + "' does not exist.",
                    "Create it yourself, or use a database name of letters, digits and underscores.");
        }
        String adminUrl = url.replaceFirst("(//[^/]+/)[^?]+", "$1postgres");
        try (Connection admin = DriverManager.getConnection(adminUrl, credentials(user, password))) {
            admin.createStatement().execute("create database " + name);
            log.info("Created the database '" + name + "' on " + server(url));
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                log.info("The database '" + name + "' was created by another instance starting at the same time");
                return;
            }
            throw new DatabaseUnavailableException(
                    "The database '" + name + "' does not exist on " + server(url) + " and could not be created: " + e.getMessage(),
                    "Create it (createdb " + name + ") or give LEADLINE_DB_USER the CREATEDB right.");
        }
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "3");
        return p;
    }

    static String databaseName(String url) {
        return url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
    }

    static String server(String url) {
        return url.replaceFirst("\\?.*$", "");
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
            Process docker = new ProcessBuilder("docker", "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
