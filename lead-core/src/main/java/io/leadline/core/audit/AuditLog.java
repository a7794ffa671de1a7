package io.leadline.core.audit;

import java.util.List;

/** The append-only audit log. Implemented by lead-persistence. */
public interface AuditLog {

    void record(AuditEvent event);

    /** Several entries at once (a batch of moves), in one statement batch. */
    void recordAll(List<AuditEvent> events);

    /** The entries the query selects, newest first, at most {@code limit}. */
    List<AuditEvent> search(AuditQuery query, int limit);

    /** The latest events, newest first, of one action or of all ({@code null}). */
    default List<AuditEvent> latest(AuditAction action, int limit) {
        return search(AuditQuery.of(action), limit);
    }
}
