import com.sun.net.httpserver.HttpServer;
import java.io.FileWriter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CRM stand-in for the hand-off benchmark (run as a source file: java Receiver.java PORT LOG): answers every POST
 * with 200 and writes one line per request — arrival in epoch milliseconds, the event's occurredAt in epoch
 * milliseconds (or -), the Leadline-Event-Id header.
 */
public class Receiver {
    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        PrintWriter log = new PrintWriter(new FileWriter(args[1], true), true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes());
            long arrived = System.currentTimeMillis();
            Matcher m = OCCURRED.matcher(body);
            String occurred = m.find() && !m.group(1).isEmpty() ? Long.toString(Instant.parse(m.group(1)).toEpochMilli()) : "-";
            synchronized (log) {
                log.println(arrived + " " + occurred + " " + exchange.getRequestHeaders().getFirst("Leadline-Event-Id"));
            }
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
    }
}
