package io.leadline.core.audit;

import java.util.List;

/** The append-only audit log. Implemented by lead-persistence. */
public interface AuditLog {

    void record(AuditEvent event);

    /** The latest events, newest first, of one action or of all ({@code null}). */
    List<AuditEvent> latest(AuditAction action, int limit);
}
