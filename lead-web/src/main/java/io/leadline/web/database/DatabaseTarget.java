package io.leadline.web.database;

import java.util.Set;
import org.springframework.core.env.Environment;

/** The database the application is configured to use, its role, and the administrator who may create them. */
record DatabaseTarget(String url, String user, String password, String adminUser, String adminPassword) {

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    static DatabaseTarget of(Environment env, String url) {
        return new DatabaseTarget(
                url,
                env.getProperty("spring.datasource.username", ""),
                env.getProperty("spring.datasource.password", ""),
                env.getProperty("leadline.database.admin-username", "postgres"),
                env.getProperty("leadline.database.admin-password", ""));
    }

    /** The same role and database on another server. */
    DatabaseTarget on(String otherUrl) {
        return new DatabaseTarget(otherUrl, user, password, adminUser, adminPassword);
    }

    String database() {
        return url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
    }

    /** The URL without its parameters (which may hold a password), for messages. */
    String server() {
        return url.replaceFirst("\\?.*$", "");
    }

    /** Whether the URL names this machine, where Leadline may start a server of its own in its place. */
    boolean local() {
        String hostAndPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        String host = hostAndPort.startsWith("[")
                ? hostAndPort.replaceFirst("].*$", "]")
                : hostAndPort.replaceFirst(":.*$", "");
        return LOCAL_HOSTS.contains(host);
    }
}
