package io.leadline.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM's endpoints and the deliveries owed to them, kept in the database: queued with the event that caused them,
 * sent at least once, in order per lead and endpoint, by whichever instance takes them first. Implemented by
 * lead-persistence.
 */
public interface Webhooks {

    /** An endpoint an admin registered; a disabled one gets nothing until enabled again. */
    record Endpoint(
            long id,
            String url,
            Set<WebhookEvent> events,
            String secret,
            boolean enabled,
            String disabledReason,
            String createdBy,
            Instant createdAt) {}

    /** One event owed to one endpoint, and how its last attempt went. */
    record Delivery(
            long id,
            long endpointId,
            String eventId,
            WebhookEvent event,
            long leadId,
            String body,
            Status status,
            int attempts,
            Instant createdAt,
            Instant firstTriedAt,
            Instant nextAttemptAt,
            Integer lastStatusCode,
            Long lastMillis,
            String lastExcerpt,
            Instant deliveredAt) {}

    enum Status {
        PENDING,
        DELIVERED,
        GAVE_UP
    }

    long addEndpoint(String url, Set<WebhookEvent> events, String secret, String by, Instant at);

    List<Endpoint> endpoints();

    Optional<Endpoint> endpoint(long id);

    /** Turns an endpoint on or off ({@code reason}: why it was turned off, for the admin). */
    void setEnabled(long id, boolean enabled, String reason);

    /** Whether any enabled endpoint wants this event (so that nothing is built for nobody). */
    boolean anyWants(WebhookEvent event);

    /**
     * Owes the event to every enabled endpoint that wants it, once per endpoint and {@code eventId} (a second delivery
     * of the same lead event owes nothing more). Answers how many deliveries were queued.
     */
    int enqueue(WebhookEvent event, String eventId, long leadId, String body, Instant at);

    /**
     * Takes up to {@code limit} deliveries due at {@code now} for the caller until {@code leaseUntil}: none another
     * instance holds, and for each endpoint and lead only the oldest one still pending (so a lead's events arrive in
     * order).
     */
    List<Delivery> takeDue(Instant now, Instant leaseUntil, int limit);

    void delivered(long id, int statusCode, long millis, String excerpt, Instant at);

    /** A failed attempt; {@code nextAttempt} empty: given up, and the endpoint is disabled with the reason. */
    void failed(long id, Integer statusCode, long millis, String excerpt, Optional<Instant> nextAttempt, Instant at);

    /** The endpoint's latest deliveries, newest first. */
    List<Delivery> deliveries(long endpointId, int limit);

    /** Queues a delivery again from now (its 24 hours start anew); false if there is none. */
    boolean sendAgain(long deliveryId, Instant at);
}
