package io.leadline.web.inbox;

import io.leadline.core.inbox.Inbox;
import io.leadline.web.i18n.PageMessages;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's inbox: their latest notices, newest first; opening one marks it read. */
@Controller
class InboxController {

    static final int SHOWN = 100;

    private final Inbox inbox;
    private final Clock clock;

    private final PageMessages messages;

    InboxController(Inbox inbox, Clock clock, PageMessages messages) {
        this.messages = messages;
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    String inbox(Principal user, Model model) {
        model.addAttribute("items", inbox.latest(user.getName(), SHOWN));
        return "inbox/inbox";
    }

    /** Marks the notice read and opens what it is about (its lead, or the settings). */
    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable long id, Principal user) {
        return inbox.latest(user.getName(), SHOWN).stream()
                .filter(i -> i.id() == id)
                .findFirst()
                .map(item -> {
                    inbox.markRead(id, user.getName(), Instant.now(clock));
                    return "redirect:" + NoticeLinks.pathOf(item);
                })
                .orElse("redirect:/inbox");
    }

    @PostMapping("/inbox/read")
    String readAll(Principal user, RedirectAttributes redirect) {
        int read = inbox.markAllRead(user.getName(), Instant.now(clock));
        redirect.addFlashAttribute("message", messages.get("inbox.marked", read));
        return "redirect:/inbox";
    }
}
