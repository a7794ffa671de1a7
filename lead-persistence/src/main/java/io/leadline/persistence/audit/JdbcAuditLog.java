package io.leadline.persistence.audit;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.audit.AuditEvent;
import io.leadline.core.audit.AuditLog;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link AuditLog} on the {@code audit_event} table. */
@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: an action that rolls back leaves no audit line claiming it happened. */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent e) {
        jdbc.sql("insert into audit_event (at, actor, action, target, detail, client) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(e.at()), truncate(e.actor(), 100), e.action().name(), truncate(e.target(), 200),
                        e.detail(), truncate(e.client(), 100))
                .update();
    }

    @Override
    public List<AuditEvent> latest(AuditAction action, int limit) {
        String where = action == null ? "" : " where action = :action";
        var query = jdbc.sql("select at, actor, action, target, detail, client from audit_event" + where
                + " order by at desc, id desc limit :limit").param("limit", limit);
        if (action != null) {
            query = query.param("action", action.name());
        }
        return query.query((rs, n) -> new AuditEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("target"), rs.getString("detail"),
                rs.getString("client"))).list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
