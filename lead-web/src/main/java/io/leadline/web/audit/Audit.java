package io.leadline.web.audit;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.audit.AuditEvent;
import io.leadline.core.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records audit events with the time and, inside a web request, the client's address. */
@Component
public class Audit {

    private final AuditLog log;
    private final Clock clock;

    Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String target, String detail) {
        log.record(new AuditEvent(Instant.now(clock), actor, action, target, detail, client()));
    }

    private static String client() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
