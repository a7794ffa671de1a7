package io.leadline.web.inbox;

import io.leadline.core.inbox.InboxItem;

/** Where a notice leads when opened, on the page and in a mail: its lead, or the settings it is about. */
final class NoticeLinks {

    private NoticeLinks() {}

    static String pathOf(InboxItem item) {
        return item.kind().aboutLead() ? "/leads/" + item.leadId() : "/settings/webhooks";
    }
}
