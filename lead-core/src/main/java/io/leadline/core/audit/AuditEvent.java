package io.leadline.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Something someone did that the company must be able to trace: who, what, to what, when, from where.
 *
 * @param actor  the username, or the name typed at a failed sign-in
 * @param target what was acted on, e.g. "lead 42" or "user rita"
 * @param client the client's address, when the action came over HTTP
 */
public record AuditEvent(Instant at, String actor, AuditAction action, String target, String detail, String client) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
