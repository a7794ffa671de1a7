package io.leadline.web.security;

import io.leadline.core.audit.AuditAction;
import io.leadline.web.audit.Audit;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds sign-in outcomes to the throttle and the audit log. */
@Component
class SignInEvents {

    private final LoginThrottle throttle;
    private final Audit audit;

    SignInEvents(LoginThrottle throttle, Audit audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        throttle.succeeded(user, LoginThrottle.clientOf(event.getAuthentication()));
        audit.record(user, AuditAction.SIGN_IN, "user " + user, "");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        String client = LoginThrottle.clientOf(event.getAuthentication());
        if (event.getException() instanceof ThrottledAuthenticationProvider.SignInBlockedException) {
            audit.record(typed, AuditAction.SIGN_IN_BLOCKED, "user " + typed, "refused without checking the password");
            return;
        }
        throttle.failed(typed, client);
        audit.record(
                typed,
                AuditAction.SIGN_IN_FAILED,
                "user " + typed,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        audit.record(
                event.getAuthentication().getName(),
                AuditAction.SIGN_OUT,
                "user " + event.getAuthentication().getName(),
                "");
    }
}
