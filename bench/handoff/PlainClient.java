import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/**
 * The baseline of the hand-off benchmark (java PlainClient.java PORT COUNT): COUNT webhook-sized JSON POSTs to the
 * receiver with the JDK's HttpClient — the client Leadline's sender uses — 100 at a time on virtual threads, as fast
 * as they go. Prints deliveries per second.
 */
public class PlainClient {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        String body = "{\"id\":\"" + "x".repeat(36) + "\",\"type\":\"lead.mql\",\"occurredAt\":\"\",\"lead\":{\"id\":1,"
                + "\"fullName\":\"Plain Client\",\"email\":\"plain@client.example\",\"company\":\"Acme\",\"score\":70,\"stage\":\"MQL\"}}";
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/plain");
        long started = System.nanoTime();
        for (int sent = 0; sent < count; sent += 100) {
            try (var batch = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = sent; i < Math.min(count, sent + 100); i++) {
                    batch.submit(() -> http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
                }
            }
        }
        System.out.println(Math.round(count / ((System.nanoTime() - started) / 1e9)));
    }
}
