package io.leadline.web.queue;

import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.queue.QueuePosition;
import io.leadline.core.queue.SalesQueue;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sales queue: MQLs and SQLs, best first, 50 a page. */
@Controller
class QueueController {

    static final int PAGE_SIZE = 50;

    private final SalesQueue queue;
    private final LeadClaims claims;

    QueueController(SalesQueue queue, LeadClaims claims) {
        this.queue = queue;
        this.claims = claims;
    }

    @GetMapping("/queue")
    String queue(@RequestParam(required = false) Integer afterPriority, @RequestParam(required = false) Long afterId,
                 Model model) {
        QueuePosition after = afterPriority != null && afterId != null ? new QueuePosition(afterPriority, afterId) : null;
        List<QueueEntry> page = queue.page(after, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<QueueEntry> shown = more ? page.subList(0, PAGE_SIZE) : page;
        model.addAttribute("entries", shown);
        model.addAttribute("next", more ? shown.getLast().position() : null);
        model.addAttribute("firstPage", after == null);
        return "queue/queue";
    }

    @PostMapping("/queue/{leadId}/claim")
    String claim(@PathVariable long leadId, Principal rep, RedirectAttributes redirect) {
        try {
            var lead = claims.claim(leadId, rep.getName());
            redirect.addFlashAttribute("message", "You claimed " + lead.profile().fullName() + ".");
        } catch (LeadAlreadyClaimedException | IllegalStageChangeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (NoSuchElementException e) {
            redirect.addFlashAttribute("error", "That lead no longer exists.");
        }
        return "redirect:/queue";
    }
}
