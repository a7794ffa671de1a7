package io.leadline.web.audit;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.audit.AuditEvent;
import io.leadline.core.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records audit events with the time and, inside a web request, the client's address. */
@Component
public class Audit {

    /** Who a public form's submission is recorded as. */
    static final String VISITOR = "visitor";

    private final AuditLog log;
    private final Clock clock;

    Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String target, String detail) {
        log.record(new AuditEvent(Instant.now(clock), actor, action, target, detail, client()));
    }

    /** Entries made at once (a batch of moves), each as {@link #record} would make it. */
    void recordAll(List<Entry> entries) {
        String client = client();
        log.recordAll(entries.stream()
                .map(e -> new AuditEvent(e.at(), e.actor(), e.action(), e.target(), e.detail(), client))
                .toList());
    }

    record Entry(Instant at, String actor, AuditAction action, String target, String detail) {}

    /**
     * Who is acting in this request: the signed-in user or API client, {@link #VISITOR} on a public page, "system" in
     * the background.
     */
    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return auth.getName();
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes ? VISITOR : "system";
    }

    /** The request's path ("/api/leads", "/forms/webinar"), or null outside a request: how an action came in. */
    static String channel() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRequestURI()
                : null;
    }

    private static String client() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
