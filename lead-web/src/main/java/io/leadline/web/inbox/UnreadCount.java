package io.leadline.web.inbox;

import io.leadline.core.inbox.Inbox;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in user's unread notices, for the header of every page. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCount {

    private final Inbox inbox;

    UnreadCount(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotices")
    Integer unreadNotices(Principal user) {
        return user == null ? null : inbox.unread(user.getName());
    }
}
