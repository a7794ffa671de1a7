package io.leadline.web.webhook;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A CRM's webhook endpoint for tests: a real HTTP server on a free port that keeps every body it is sent and answers
 * 204; {@link #subscribe} registers it on the webhooks page for some events, {@link #close} stops it and turns the
 * endpoint off again.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private MockMvc mvc;
    private String endpoint;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** Registers this receiver (as the admin "ada") for the events, by their names on the form ("MERGED"). */
    public WebhookReceiver subscribe(MockMvc mvc, String... events) throws Exception {
        this.mvc = mvc;
        var request = post("/settings/webhooks")
                .with(user("ada").roles("ADMIN"))
                .with(csrf())
                .param("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        for (String event : events) {
            request.param("events", event);
        }
        endpoint = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        return this;
    }

    /** The bodies received so far, in order. */
    public List<String> bodies() {
        return bodies;
    }

    @Override
    public void close() throws Exception {
        server.stop(0);
        if (endpoint != null) {
            mvc.perform(post(endpoint + "/enabled")
                    .param("enabled", "false")
                    .with(user("ada").roles("ADMIN"))
                    .with(csrf()));
        }
    }
}
