package io.leadline.web.queue;

import io.leadline.persistence.account.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every lead stored without an account its account, once the application is up: leads from before accounts
 * existed (the key is lead-core's, so a migration in SQL cannot compute it) and any a script wrote straight into the
 * table. Runs in the background, in short transactions; several instances doing it at once agree (a lead is linked
 * only while it has no account).
 */
@Component
class AccountLinking {

    private static final Logger log = LoggerFactory.getLogger(AccountLinking.class);

    private final Accounts accounts;

    AccountLinking(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void linkInTheBackground() {
        Thread.ofVirtual().name("account-linking").start(() -> {
            try {
                long linked = accounts.linkUnlinkedLeads();
                if (linked > 0) {
                    log.info("linked {} leads stored without an account to their accounts", linked);
                }
            } catch (RuntimeException e) {
                log.warn("linking leads to their accounts failed; the next start tries again", e);
            }
        });
    }
}
