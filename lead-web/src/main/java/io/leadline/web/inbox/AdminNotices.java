package io.leadline.web.inbox;

import io.leadline.core.inbox.Inbox;
import io.leadline.core.inbox.InboxItem;
import io.leadline.core.user.UserAccess;
import io.leadline.core.webhook.WebhookTurnedOff;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells every active admin, in the inbox (and by mail if they chose it), of what needs an admin. */
@Component
class AdminNotices {

    private final Inbox inbox;
    private final UserAccess users;

    AdminNotices(Inbox inbox, UserAccess users) {
        this.inbox = inbox;
        this.users = users;
    }

    /** A webhook endpoint gave up after a day of failures: the CRM hears nothing until an admin turns it on again. */
    @ApplicationModuleListener
    void on(WebhookTurnedOff event) {
        String text = "The webhook to " + event.url() + " was turned off: " + event.reason()
                + " The CRM is told nothing more until an admin turns it on again on the webhooks page.";
        for (String admin : users.activeAdmins()) {
            inbox.deliver(
                    admin,
                    InboxItem.Kind.WEBHOOK_OFF,
                    event.leadId(),
                    text,
                    event.at(),
                    "webhook-off:" + event.endpointId() + ":" + admin + ":"
                            + event.at().toEpochMilli());
        }
    }
}
