package io.leadline.persistence.testdb;

import io.leadline.persistence.server.DatabaseProvisioning;
import io.leadline.persistence.server.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL database a test run uses, picked once per JVM: a Testcontainers Postgres where a Docker engine
 * answers, otherwise a throwaway database on the local server, otherwise Leadline's embedded PostgreSQL in a temporary
 * directory. On that server the run gets a database of its own and a least-privilege role that owns it (made by
 * {@link DatabaseProvisioning}, as the application makes its own), and every test context connects as that role, so
 * the suite proves Leadline needs no superuser. Both are dropped when the run ends. When no server can be had, every
 * test that needs one fails with a message saying what to do: the tests never skip and never fall back to an
 * in-memory database.
 */
public final class TestDatabase {

    /** The same major version docker-compose.yml pins. */
    static final String IMAGE = "postgres:17.6-alpine";

    /** Admin connection to the local server; override with LEADLINE_TEST_ADMIN_URL (user and password in the URL). */
    static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static TestDatabase instance;
    private static RuntimeException unavailable;

    private final Server server;
    private final String name;
    private final String password;

    /** A server the run may create databases and roles on, and how to let it go. */
    private record Server(String url, String user, String password, String description, Runnable stop) {}

    private TestDatabase(Server server, String name, String password) {
        this.server = server;
        this.name = name;
        this.password = password;
    }

    /** The run's database, started or created on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::close, "drop-test-database"));
                System.out.println("Leadline tests use the database " + instance.name
                        + ", owned by the role of the same name, on " + instance.server.description());
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
            instance.drop();
            instance.server.stop().run();
            instance = null;
        }
    }

    /** The run's database, as a URL without credentials. */
    public String url() {
        return DatabaseProvisioning.withDatabase(server.url(), name);
    }

    /** The run's least-privilege role, owner of its database. */
    public String username() {
        return name;
    }

    public String password() {
        return password;
    }

    /** An administrator's URL on the same server (its {@code postgres} database), without credentials. */
    public String adminUrl() {
        return server.url();
    }

    public String adminUser() {
        return server.user();
    }

    public String adminPassword() {
        return server.password();
    }

    private static TestDatabase start() {
        Server server = server();
        String name = "leadline_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String password = UUID.randomUUID().toString();
        try {
            new DatabaseProvisioning(server.url(), server.user(), server.password()).provide(name, password, name);
        } catch (SQLException e) {
            server.stop().run();
            throw new IllegalStateException(
                    "The tests could not create their role and database on " + server.description() + ": "
                            + e.getMessage(),
                    e);
        }
        return new TestDatabase(server, name, password);
    }

    private static Server server() {
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            return new Server(
                    DatabaseProvisioning.withDatabase(container.getJdbcUrl(), "postgres"),
                    container.getUsername(),
                    container.getPassword(),
                    "a Testcontainers " + IMAGE,
                    container::stop);
        }
        String adminUrl = System.getenv().getOrDefault("LEADLINE_TEST_ADMIN_URL", LOCAL_ADMIN_URL);
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            return new Server(
                    adminUrl.replaceFirst("\\?.*", ""),
                    admin.getMetaData().getUserName(),
                    parameter(adminUrl, "password"),
                    "the local server at " + adminUrl.replaceFirst("\\?.*", ""),
                    () -> {});
        } catch (SQLException local) {
            if (!EmbeddedPostgres.supported()) {
                throw new IllegalStateException(
                        """
                        The tests need PostgreSQL and found none: no Docker engine answered for Testcontainers, \
                        the local server at %s refused (%s), and Leadline's embedded PostgreSQL has no binaries for \
                        this platform. Start Docker, or start a local Postgres 15+ with trust auth for user postgres \
                        (on Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start), or set \
                        LEADLINE_TEST_ADMIN_URL to a server where the tests may create databases and roles.""".formatted(adminUrl.replaceFirst("\\?.*", ""), local.getMessage()), local);
            }
            return embedded();
        }
    }

    /** Leadline's own server in a temporary directory, removed when the run ends. */
    private static Server embedded() {
        try {
            Path home = Files.createTempDirectory("leadline-test-postgres");
            Files.setPosixFilePermissions(
                    home, PosixFilePermissions.fromString("rwxr-xr-x")); // entered by its user under root
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            EmbeddedPostgres pg = EmbeddedPostgres.start(
                    new EmbeddedPostgres.Settings(home.resolve("pgdata"), home.resolve("postgres"), port, "leadline"));
            return new Server(
                    pg.jdbcUrl("postgres"),
                    EmbeddedPostgres.SUPERUSER,
                    null,
                    "Leadline's embedded PostgreSQL on port " + port + " (no Docker engine, no local server)",
                    () -> {
                        pg.close();
                        try {
                            FileSystemUtils.deleteRecursively(home);
                        } catch (IOException e) {
                            System.err.println("Could not remove " + home + ": " + e.getMessage());
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The tests found no PostgreSQL and could not start the embedded one: " + e.getMessage(), e);
        }
    }

    private static String parameter(String url, String key) {
        var m = Pattern.compile("[?&]" + key + "=([^&]*)").matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private void drop() {
        try (Connection admin = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("drop role if exists " + name);
        } catch (SQLException e) {
            System.err.println("Could not drop the test database and role " + name + ": " + e.getMessage());
        }
    }
}
