package io.leadline.web.database;

import io.leadline.persistence.server.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code leadline.database.embedded.*}: where the embedded PostgreSQL keeps its data (by default
 * {@code ~/.leadline/pgdata}, or {@code /var/lib/leadline/pgdata} when run as root, whose home the server's own user
 * cannot enter), its port, and the system user it runs as under root.
 */
record EmbeddedSettings(boolean enabled, Path dataDirectory, int port, String systemUser) {

    static final int DEFAULT_PORT = 54329;

    static EmbeddedSettings of(Environment env) {
        Path home = EmbeddedPostgres.runningAsRoot()
                ? Path.of("/var/lib/leadline")
                : Path.of(System.getProperty("user.home"), ".leadline");
        String dataDirectory = env.getProperty("leadline.database.embedded.data-dir", "");
        return new EmbeddedSettings(
                env.getProperty("leadline.database.embedded.enabled", Boolean.class, true),
                (dataDirectory.isBlank() ? home.resolve("pgdata") : Path.of(dataDirectory)).toAbsolutePath(),
                env.getProperty("leadline.database.embedded.port", Integer.class, DEFAULT_PORT),
                env.getProperty("leadline.database.embedded.system-user", "leadline"));
    }

    /** Whether runuser and useradd are there, to run the server as {@link #systemUser()} when this process is root. */
    boolean canSwitchUser() {
        return Stream.of("runuser", "useradd").allMatch(EmbeddedSettings::onPath);
    }

    /**
     * Starts the server (or finds it running on the data directory) and stops it with the application: registered
     * before every bean, it is destroyed after all of them, so the connection pool closes first. If the process dies
     * without closing the application, the server keeps running and the next start uses it.
     */
    EmbeddedPostgres start(Log log, SpringApplication application) {
        log.info("No PostgreSQL answered and no Docker engine is there: starting Leadline's embedded PostgreSQL 17 on "
                + "127.0.0.1:" + port + " with its data in " + dataDirectory
                + " (the first start unpacks it, a few seconds)");
        EmbeddedPostgres server = EmbeddedPostgres.start(new EmbeddedPostgres.Settings(
                dataDirectory, dataDirectory.resolveSibling("postgres"), port, systemUser));
        application.addInitializers(
                (ConfigurableApplicationContext context) -> ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                        .registerDisposableBean("embeddedPostgres", server::close));
        return server;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/sbin"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
