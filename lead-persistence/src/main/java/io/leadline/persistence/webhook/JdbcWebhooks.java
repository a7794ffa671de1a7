package io.leadline.persistence.webhook;

import io.leadline.core.webhook.WebhookEvent;
import io.leadline.core.webhook.WebhookTurnedOff;
import io.leadline.core.webhook.Webhooks;
import io.leadline.persistence.PostgresArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Webhooks} in {@code webhook_endpoint} and {@code webhook_delivery}. Deliveries are taken with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so two instances never send the same one at once.
 */
@Repository
class JdbcWebhooks implements Webhooks {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcWebhooks(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public long addEndpoint(String url, Set<WebhookEvent> events, String secret, String by, Instant at) {
        return jdbc.sql(
                        "insert into webhook_endpoint (url, events, secret, created_by, created_at) values (?, ?::text[], ?, ?, ?) returning id")
                .params(
                        url,
                        PostgresArrays.literal(
                                events.stream().map(WebhookEvent::type).sorted().toList()),
                        secret,
                        by,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Override
    public List<Endpoint> endpoints() {
        return jdbc.sql("select * from webhook_endpoint order by id")
                .query(JdbcWebhooks::endpoint)
                .list();
    }

    @Override
    public Optional<Endpoint> endpoint(long id) {
        return jdbc.sql("select * from webhook_endpoint where id = ?")
                .param(id)
                .query(JdbcWebhooks::endpoint)
                .optional();
    }

    @Override
    public void setEnabled(long id, boolean enabled, String reason) {
        jdbc.sql("update webhook_endpoint set enabled = ?, disabled_reason = ? where id = ?")
                .params(enabled, enabled ? null : reason, id)
                .update();
    }

    @Override
    public boolean anyWants(WebhookEvent event) {
        return jdbc.sql("select exists (select 1 from webhook_endpoint where enabled and ? = any(events))")
                .param(event.type())
                .query(Boolean.class)
                .single();
    }

    @Override
    public int enqueue(WebhookEvent event, String eventId, long leadId, String body, Instant at) {
        return jdbc.sql("""
                        insert into webhook_delivery (endpoint_id, event_id, event, lead_id, body, created_at, next_attempt_at)
                        select e.id, ?, ?, ?, ?, ?, ? from webhook_endpoint e where e.enabled and ? = any(e.events)
                        on conflict (endpoint_id, event_id) do nothing""")
                .params(eventId, event.name(), leadId, body, Timestamp.from(at), Timestamp.from(at), event.type())
                .update();
    }

    @Override
    @Transactional
    public List<Delivery> takeDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update webhook_delivery set locked_until = :lease, attempts = attempts + 1,
                               first_tried_at = coalesce(first_tried_at, :now)
                        where id in (
                            select d.id from webhook_delivery d
                            join webhook_endpoint e on e.id = d.endpoint_id and e.enabled
                            where d.status = 'PENDING' and d.next_attempt_at <= :now
                              and (d.locked_until is null or d.locked_until < :now)
                              and not exists (select 1 from webhook_delivery o where o.endpoint_id = d.endpoint_id
                                              and o.lead_id = d.lead_id and o.status = 'PENDING' and o.id < d.id)
                            order by d.id limit :limit
                            for update of d skip locked)
                        returning *""")
                .param("lease", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcWebhooks::delivery)
                .list();
    }

    @Override
    public void delivered(long id, int statusCode, long millis, String excerpt, Instant at) {
        jdbc.sql("""
                        update webhook_delivery set status = 'DELIVERED', delivered_at = ?, last_status_code = ?, last_millis = ?,
                               last_excerpt = ?, locked_until = null where id = ?""")
                .params(Timestamp.from(at), statusCode, millis, excerpt, id)
                .update();
    }

    @Override
    @Transactional
    public void failed(
            long id, Integer statusCode, long millis, String excerpt, Optional<Instant> nextAttempt, Instant at) {
        jdbc.sql("""
                        update webhook_delivery set status = ?, next_attempt_at = coalesce(?, next_attempt_at), last_status_code = ?,
                               last_millis = ?, last_excerpt = ?, locked_until = null where id = ?""")
                .params(
                        nextAttempt.isPresent() ? "PENDING" : "GAVE_UP",
                        nextAttempt.map(Timestamp::from).orElse(null),
                        statusCode,
                        millis,
                        excerpt,
                        id)
                .update();
        if (nextAttempt.isEmpty()) {
            // Only the attempt that turns a still-enabled endpoint off tells the admins: once, from one instance.
            jdbc.sql("""
                            update webhook_endpoint e set enabled = false,
                                   disabled_reason = 'Deliveries failed for 24 hours (last: ' || ? || '); turned off ' || to_char(? at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.'
                            from webhook_delivery d
                            where d.id = ? and e.id = d.endpoint_id and e.enabled
                            returning e.id, e.url, e.disabled_reason, d.lead_id""")
                    .params(statusCode == null ? String.valueOf(excerpt) : "HTTP " + statusCode, Timestamp.from(at), id)
                    .query((rs, n) ->
                            new WebhookTurnedOff(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), at))
                    .optional()
                    .ifPresent(events::publishEvent);
        }
    }

    @Override
    public List<Delivery> deliveries(long endpointId, int limit) {
        return jdbc.sql("select * from webhook_delivery where endpoint_id = ? order by id desc limit ?")
                .params(endpointId, limit)
                .query(JdbcWebhooks::delivery)
                .list();
    }

    @Override
    public boolean sendAgain(long deliveryId, Instant at) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = ?, first_tried_at = null, attempts = 0,
                               locked_until = null, delivered_at = null where id = ?""").params(Timestamp.from(at), deliveryId).update() == 1;
    }

    private static Endpoint endpoint(ResultSet rs, int n) throws SQLException {
        return new Endpoint(
                rs.getLong("id"),
                rs.getString("url"),
                Arrays.stream(PostgresArrays.strings(rs.getArray("events")))
                        .map(WebhookEvent::ofType)
                        .collect(Collectors.toSet()),
                rs.getString("secret"),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("endpoint_id"),
                rs.getString("event_id"),
                WebhookEvent.valueOf(rs.getString("event")),
                rs.getLong("lead_id"),
                rs.getString("body"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("first_tried_at") == null
                        ? null
                        : rs.getTimestamp("first_tried_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(),
                (Integer) rs.getObject("last_status_code"),
                (Long) rs.getObject("last_millis"),
                rs.getString("last_excerpt"),
                rs.getTimestamp("delivered_at") == null
                        ? null
                        : rs.getTimestamp("delivered_at").toInstant());
    }
}
