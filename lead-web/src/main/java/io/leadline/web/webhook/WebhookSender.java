package io.leadline.web.webhook;

import io.leadline.core.webhook.RetryPolicy;
import io.leadline.core.webhook.Webhooks;
import io.leadline.core.webhook.Webhooks.Delivery;
import io.leadline.core.webhook.Webhooks.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, from whichever instance takes them first: a signed JSON POST each
 * ({@link WebhookSignature}), a 2xx answer within the timeout counts as delivered; anything else is tried again with
 * back-off for 24 hours ({@link RetryPolicy}), then given up and the endpoint turned off. Redirects are not followed.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final int BATCH = 100;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Webhooks webhooks;
    private final WebhookDestinations destinations;
    private final Clock clock;
    private final HttpClient http;
    private final boolean enabled;

    WebhookSender(
            Webhooks webhooks,
            WebhookDestinations destinations,
            Clock clock,
            @Value("${leadline.webhooks.enabled:true}") boolean enabled) {
        this.webhooks = webhooks;
        this.destinations = destinations;
        this.clock = clock;
        this.enabled = enabled;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${leadline.webhooks.poll-millis:500}")
    void sendDue() {
        if (!enabled) {
            return;
        }
        Instant now = Instant.now(clock);
        List<Delivery> due = webhooks.takeDue(now, now.plus(TIMEOUT.multipliedBy(3)), BATCH);
        if (due.isEmpty()) {
            return;
        }
        Map<Long, Endpoint> endpoints =
                webhooks.endpoints().stream().collect(Collectors.toMap(Endpoint::id, Function.identity()));
        // Each endpoint and lead has at most one delivery in the batch, so they may all go at once.
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            due.stream()
                    .filter(d -> endpoints.containsKey(d.endpointId()))
                    .forEach(d -> senders.submit(() -> send(d, endpoints.get(d.endpointId()))));
        }
    }

    private void send(Delivery delivery, Endpoint endpoint) {
        long started = System.nanoTime();
        Integer status = null;
        String excerpt;
        try {
            URI uri = destinations.check(endpoint.url());
            long timestamp = Instant.now(clock).getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Leadline-Webhooks/1")
                    .header("Leadline-Event-Id", delivery.eventId())
                    .header("Leadline-Event", delivery.event().type())
                    .header(
                            WebhookSignature.HEADER,
                            WebhookSignature.header(endpoint.secret(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            excerpt = excerpt(response.body());
            if (status >= 200 && status < 300) {
                webhooks.delivered(delivery.id(), status, millisSince(started), excerpt, Instant.now(clock));
                return;
            }
        } catch (IllegalArgumentException refused) {
            excerpt = excerpt(refused.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            excerpt = "interrupted";
        } catch (Exception e) {
            excerpt = excerpt(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        Instant now = Instant.now(clock);
        Optional<Instant> next = RetryPolicy.nextAttempt(
                delivery.attempts(),
                delivery.firstTriedAt() == null ? now : delivery.firstTriedAt(),
                now,
                ThreadLocalRandom.current().nextDouble());
        webhooks.failed(delivery.id(), status, millisSince(started), excerpt, next, now);
        log.info(
                "Webhook delivery {} to endpoint {} failed ({}); {}",
                delivery.id(),
                endpoint.id(),
                status == null ? "no answer" : "HTTP " + status,
                next.map(t -> "next try " + t).orElse("given up, endpoint turned off"));
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
