package io.leadline.persistence.audit;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.audit.AuditEvent;
import io.leadline.core.audit.AuditLog;
import io.leadline.core.audit.AuditQuery;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link AuditLog} on the {@code audit_event} table. */
@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    JdbcAuditLog(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Joins the caller's transaction: an action that rolls back leaves no audit line claiming it happened. */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent e) {
        jdbc.sql("insert into audit_event (at, actor, action, target, detail, client) values (?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(e.at()),
                        truncate(e.actor(), 100),
                        e.action().name(),
                        truncate(e.target(), 200),
                        e.detail(),
                        truncate(e.client(), 100))
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                "insert into audit_event (at, actor, action, target, detail, client) values (?, ?, ?, ?, ?, ?)",
                events.stream()
                        .map(e -> new Object[] {
                            Timestamp.from(e.at()),
                            truncate(e.actor(), 100),
                            e.action().name(),
                            truncate(e.target(), 200),
                            e.detail(),
                            truncate(e.client(), 100)
                        })
                        .toList());
    }

    @Override
    public List<AuditEvent> search(AuditQuery query, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql =
                new StringBuilder("select at, actor, action, target, detail, client from audit_event where true");
        if (query.action() != null) {
            sql.append(" and action = :action");
            params.put("action", query.action().name());
        }
        if (query.actor() != null) {
            sql.append(" and actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.target() != null) {
            sql.append(" and target = :target");
            params.put("target", query.target());
        }
        if (query.from() != null) {
            sql.append(" and at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.before() != null) {
            sql.append(" and at < :before");
            params.put("before", Timestamp.from(query.before()));
        }
        sql.append(" order by at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new AuditEvent(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("target"),
                        rs.getString("detail"),
                        rs.getString("client")))
                .list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
