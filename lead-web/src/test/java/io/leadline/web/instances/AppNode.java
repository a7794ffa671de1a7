package io.leadline.web.instances;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One instance of the application: the built jar started as its own process, on its own port. */
final class AppNode implements AutoCloseable {

    final String name;
    final int port;
    final Process process;
    final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar in target/ against the database; answers once it is started (not yet healthy). */
    static AppNode start(String name, String dbUrl, String dbUser, String dbPassword, Path importDir, String... extra)
            throws IOException {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("lead-web-.*\\.jar")
                            && !p.getFileName().toString().endsWith("-tests.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No lead-web jar in target/: run the integration tests with mvn verify."));
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=" + (dbPassword == null ? "" : dbPassword),
                "--spring.docker.compose.enabled=false",
                "--leadline.admin.username=admin",
                "--leadline.admin.password=" + TwoInstancesIT.ADMIN_PASSWORD,
                "--leadline.import.dir=" + importDir,
                "--leadline.import.poll-millis=300",
                "--leadline.jobs.heartbeat-millis=500",
                "--leadline.jobs.lease-seconds=3"));
        command.addAll(List.of(extra));
        Path log = Path.of("target", "instance-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new AppNode(name, port, process, log);
    }

    void awaitHealthy(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Instance " + name + " stopped while starting; see " + log);
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Instance " + name + " was not healthy within " + limit + "; see " + log);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The worker name the job tables record for this instance: its process id, then @host. */
    boolean isWorker(String worker) {
        return worker != null && worker.startsWith(process.pid() + "@");
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, no graceful stop, as a crash or an OOM kill would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
