package io.leadline.web.webhook;

import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LeadsBecameMql;
import io.leadline.core.lead.LeadsMoved;
import io.leadline.core.webhook.WebhookEvent;
import io.leadline.core.webhook.Webhooks;
import io.leadline.web.api.LeadRepresentation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns lead events into the deliveries each subscribed endpoint is owed, after the move commits (from the event
 * publication registry, at least once). The event id is derived from the event itself, so a second delivery of the
 * same event owes nothing more; the body holds the lead as the API shows it at that moment.
 */
@Component
class WebhookOutbox {

    private final Webhooks webhooks;
    private final Leads leads;
    private final LeadRepresentation representation;
    private final JsonMapper json;

    WebhookOutbox(Webhooks webhooks, Leads leads, LeadRepresentation representation, JsonMapper json) {
        this.webhooks = webhooks;
        this.leads = leads;
        this.representation = representation;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(LeadsBecameMql event) {
        if (webhooks.anyWants(WebhookEvent.MQL)) {
            event.leadIds().forEach(id -> owe(WebhookEvent.MQL, id, event.at()));
        }
    }

    @ApplicationModuleListener
    void on(LeadsMoved event) {
        for (var move : event.moves()) {
            WebhookEvent.ofMoveTo(move.change().to())
                    .filter(webhooks::anyWants)
                    .ifPresent(type -> owe(type, move.leadId(), move.change().at()));
        }
    }

    private void owe(WebhookEvent type, long leadId, Instant at) {
        leads.byId(leadId).ifPresent(lead -> {
            String eventId = UUID.nameUUIDFromBytes((type.type() + ":" + leadId + ":" + at.toEpochMilli())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", eventId);
            body.put("type", type.type());
            body.put("occurredAt", at.toString());
            body.put("lead", representation.of(lead));
            webhooks.enqueue(type, eventId, leadId, json.writeValueAsString(body), at);
        });
    }
}
