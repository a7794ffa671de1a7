package io.leadline.persistence.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL database a test run uses, picked once per JVM: a Testcontainers Postgres where a
 * Docker engine answers, otherwise a throwaway database on the local server (created now, dropped when
 * the run ends). When neither is there, every test that needs it fails with a message saying what to do:
 * the tests never skip and never fall back to an in-memory database.
 */
public final class TestDatabase {

    /** The same major version docker-compose.yml pins. */
    static final String IMAGE = "postgres:17.6-alpine";

    /** Admin connection to the local server; override with LEADLINE_TEST_ADMIN_URL (user and password in the URL). */
    static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static TestDatabase instance;
    private static RuntimeException unavailable;

    private final String url;
    private final String username;
    private final String password;
    private final String description;
    private final Runnable dispose;

    private TestDatabase(String url, String username, String password, String description, Runnable dispose) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.description = description;
        this.dispose = dispose;
    }

    /** The run's database, started or created on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::close, "drop-test-database"));
                System.out.println("Leadline tests use " + instance.description);
            } catch (RuntimeException e) {
                unavailable = e;
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
        return instance;
    }

    /** Drops the throwaway database (or stops the container). Safe to call more than once. */
    public static synchronized void close() {
        if (instance != null) {
            instance.dispose.run();
            instance = null;
        }
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static TestDatabase start() {
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "a Testcontainers " + IMAGE, container::stop);
        }
        String adminUrl = System.getenv().getOrDefault("LEADLINE_TEST_ADMIN_URL", LOCAL_ADMIN_URL);
        String name = "leadline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            admin.createStatement().execute("create database " + name);
            String user = admin.getMetaData().getUserName();
            String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            return new TestDatabase(url, user, null, "the throwaway database " + name + " on " + adminUrl.replaceFirst("\\?.*", ""),
                    () -> drop(adminUrl, name));
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    The tests need PostgreSQL and found none: no Docker engine answered for Testcontainers, and \
                    the local server at %s refused (%s). Start Docker, or start a local Postgres 15+ with trust \
                    auth for user postgres (on Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start), \
                    or set LEADLINE_TEST_ADMIN_URL to a server where the tests may create databases."""
                    .formatted(adminUrl.replaceFirst("\\?.*", ""), e.getMessage()), e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void drop(String adminUrl, String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
        }
    }
}
