package io.leadline.core.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * An endpoint was turned off because a delivery to it failed for the whole retry window: the admins hear of it, with
 * the lead whose event could not be delivered. Published when the endpoint is turned off, delivered after commit.
 */
public record WebhookTurnedOff(long endpointId, String url, String reason, long leadId, Instant at) {

    public WebhookTurnedOff {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
