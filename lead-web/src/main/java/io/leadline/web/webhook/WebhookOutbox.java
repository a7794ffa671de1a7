package io.leadline.web.webhook;

import io.leadline.core.account.AccountBecameMqa;
import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.duplicates.LeadMerged;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LeadsBecameMql;
import io.leadline.core.lead.LeadsMoved;
import io.leadline.core.scoring.ScoresCrossed;
import io.leadline.core.webhook.WebhookEvent;
import io.leadline.core.webhook.Webhooks;
import io.leadline.web.api.LeadRepresentation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns lead events into the deliveries each subscribed endpoint is owed, in the transaction that made the event, just
 * before it commits: {@code webhook_delivery} is the outbox itself, so the deliveries commit or roll back with the move
 * and {@link WebhookSender} posts them after commit, at least once. (Through the event publication registry each event
 * cost a stored publication and three more transactions per listener, even with no endpoint subscribed: under the
 * activity API's load they outnumbered its own commits ten to one.) The event id is derived from the event itself; the
 * body holds the lead as the API shows it at that moment.
 */
@Component
class WebhookOutbox {

    private final Webhooks webhooks;
    private final Leads leads;
    private final LeadRepresentation representation;
    private final JsonMapper json;
    private final ContactStatuses contacts;

    WebhookOutbox(
            Webhooks webhooks,
            Leads leads,
            LeadRepresentation representation,
            JsonMapper json,
            ContactStatuses contacts) {
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.leads = leads;
        this.representation = representation;
        this.json = json;
    }

    /** New MQLs are handed off to the CRM, except a lead that asked not to be contacted. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LeadsBecameMql event) {
        if (webhooks.anyWants(WebhookEvent.MQL)) {
            Set<Long> doNotContact = contacts.doNotContact(event.leadIds());
            event.leadIds().stream()
                    .filter(id -> !doNotContact.contains(id))
                    .forEach(id -> owe(WebhookEvent.MQL, id, event.at()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LeadsMoved event) {
        for (var move : event.moves()) {
            WebhookEvent.ofMoveTo(move.change().to())
                    .filter(webhooks::anyWants)
                    .ifPresent(type -> owe(type, move.leadId(), move.change().at()));
        }
    }

    /** A score that crossed the MQL threshold: the body says which way, from and to how many points. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ScoresCrossed event) {
        if (!webhooks.anyWants(WebhookEvent.SCORE_CROSSED)) {
            return;
        }
        for (ScoresCrossed.Crossing crossing : event.crossings()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("direction", crossing.direction().key());
            detail.put("from", crossing.from());
            detail.put("to", crossing.to());
            detail.put("threshold", crossing.threshold());
            owe(WebhookEvent.SCORE_CROSSED, crossing.leadId(), event.at(), Map.of("crossing", detail));
        }
    }

    /** Two leads were one person: the CRM hears which id is gone and what the survivor took from it. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LeadMerged event) {
        if (webhooks.anyWants(WebhookEvent.MERGED)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            merged.put("mergedLeadId", event.mergedId());
            merged.put("fieldsTaken", event.fieldsTaken());
            owe(WebhookEvent.MERGED, event.survivorId(), event.at(), Map.of("merged", merged));
        }
    }

    /** An account became an MQA: the CRM hears which account, its score and engaged contacts, with its best contact. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountBecameMqa event) {
        if (webhooks.anyWants(WebhookEvent.ACCOUNT_MQA)) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("id", event.accountId());
            account.put("name", event.name());
            account.put("owner", event.owner());
            account.put("score", event.score());
            account.put("engagedContacts", event.engagedContacts());
            owe(WebhookEvent.ACCOUNT_MQA, event.bestLeadId(), event.at(), Map.of("account", account));
        }
    }

    private void owe(WebhookEvent type, long leadId, Instant at) {
        owe(type, leadId, at, Map.of());
    }

    private void owe(WebhookEvent type, long leadId, Instant at, Map<String, Object> detail) {
        leads.byId(leadId).ifPresent(lead -> {
            String eventId = UUID.nameUUIDFromBytes(
                            (type.type() + ":" + leadId + ":" + at.toEpochMilli()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", eventId);
            body.put("type", type.type());
            body.put("occurredAt", at.toString());
            body.putAll(detail);
            body.put("lead", representation.of(lead));
            webhooks.enqueue(type, eventId, leadId, json.writeValueAsString(body), at);
        });
    }
}
