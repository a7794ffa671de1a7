package io.leadline.core.audit;

import java.time.Instant;

/**
 * Which audit entries to show: of one action, one actor, one target ("lead 42", "user rita"), from and before an
 * instant; null means any.
 */
public record AuditQuery(AuditAction action, String actor, String target, Instant from, Instant before) {

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        target = target == null || target.isBlank() ? null : target.strip();
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    public static AuditQuery of(AuditAction action) {
        return new AuditQuery(action, null, null, null, null);
    }

    /** The entries about one lead. */
    public static AuditQuery lead(long leadId) {
        return new AuditQuery(null, null, "lead " + leadId, null, null);
    }
}
