package io.leadline.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A real start of the embedded server: binaries unpacked from the Maven artifact, a data directory initialised, data
 * kept across a restart. Under root (CI here) the server runs as the unprivileged system user, as it does for the app.
 */
class EmbeddedPostgresTest {

    private Path home;

    @AfterEach
    void removeHome() throws IOException {
        if (home != null) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    @Test
    void starts_keeps_its_data_across_a_restart_and_stops() throws Exception {
        home = Files.createTempDirectory("leadline-embedded");
        Files.setPosixFilePermissions(
                home, PosixFilePermissions.fromString("rwxr-xr-x")); // the system user enters it under root
        var settings =
                new EmbeddedPostgres.Settings(home.resolve("pgdata"), home.resolve("postgres"), freePort(), "leadline");

        try (EmbeddedPostgres server = EmbeddedPostgres.start(settings);
                Connection c = server.superuserConnection();
                Statement s = c.createStatement()) {
            assertThat(single(s, "show server_version")).startsWith("17.6");
            assertThat(single(s, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(single(s, "select current_setting('server_encoding')")).isEqualTo("UTF8");
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('survives a restart')");
            if (EmbeddedPostgres.runningAsRoot()) {
                assertThat(server.systemUser()).contains("leadline");
                assertThat(Files.getOwner(settings.dataDirectory()).getName()).isEqualTo("leadline");
            } else {
                assertThat(server.systemUser()).isEmpty();
            }
        }
        assertThat(Files.exists(settings.dataDirectory().resolve("postmaster.pid")))
                .as("stopped by close()")
                .isFalse();

        try (EmbeddedPostgres again = EmbeddedPostgres.start(settings);
                Connection c = again.superuserConnection();
                Statement s = c.createStatement()) {
            assertThat(single(s, "select note from kept")).isEqualTo("survives a restart");
        }
    }

    @Test
    void a_second_start_on_a_running_data_directory_uses_the_running_server_and_leaves_it_running() throws Exception {
        home = Files.createTempDirectory("leadline-embedded");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        var settings =
                new EmbeddedPostgres.Settings(home.resolve("pgdata"), home.resolve("postgres"), freePort(), "leadline");

        try (EmbeddedPostgres first = EmbeddedPostgres.start(settings)) {
            try (EmbeddedPostgres second = EmbeddedPostgres.start(settings);
                    Connection c = second.superuserConnection();
                    Statement s = c.createStatement()) {
                assertThat(single(s, "select 1")).isEqualTo("1");
            }
            try (Connection c = first.superuserConnection();
                    Statement s = c.createStatement()) {
                assertThat(single(s, "select 'still running'")).isEqualTo("still running");
            }
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
