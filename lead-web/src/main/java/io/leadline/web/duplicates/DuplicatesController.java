package io.leadline.web.duplicates;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.duplicates.DuplicateCandidates;
import io.leadline.core.duplicates.DuplicateScans;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review list of possible duplicates over the whole base, its scan, and "not a duplicate". */
@Controller
class DuplicatesController {

    static final int PAGE = 50;

    private final DuplicateCandidates candidates;
    private final DuplicateScans scans;
    private final Audit audit;
    private final Clock clock;

    private final PageMessages messages;

    DuplicatesController(
            DuplicateCandidates candidates, DuplicateScans scans, Audit audit, Clock clock, PageMessages messages) {
        this.messages = messages;
        this.candidates = candidates;
        this.scans = scans;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/leads/duplicates")
    String review(@RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, Math.min(page, 100_000));
        long total = candidates.reviewable();
        var scan = scans.latest();
        model.addAttribute("pairs", candidates.review((current - 1) * PAGE, PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("scan", scan.orElse(null));
        if (scan.isPresent() && scan.get().open()) {
            model.addAttribute("refreshSeconds", 3);
        }
        return "duplicates/review";
    }

    @PostMapping("/leads/duplicates/scan")
    String scan(Authentication user, RedirectAttributes redirect) {
        var scan = scans.request(user.getName(), Instant.now(clock));
        redirect.addFlashAttribute(
                "message",
                scan.requestedBy().equals(user.getName())
                        ? messages.get("dup.scanning")
                        : messages.get("dup.scanningOther", scan.requestedBy()));
        return "redirect:/leads/duplicates";
    }

    /** "Not a duplicate": back to the lead page it was said on, or the review list. */
    @PostMapping("/leads/duplicates/dismiss")
    String dismiss(
            @RequestParam long lead,
            @RequestParam long other,
            @RequestParam(defaultValue = "false") boolean fromLead,
            Authentication user,
            RedirectAttributes redirect) {
        candidates.dismiss(lead, other, user.getName(), Instant.now(clock));
        audit.record(
                user.getName(),
                AuditAction.DUPLICATE_DISMISSED,
                "lead " + lead,
                "lead " + other + " is another person");
        redirect.addFlashAttribute(
                "message", messages.get("dup.dismissed", String.valueOf(lead), String.valueOf(other)));
        return fromLead ? "redirect:/leads/" + lead : "redirect:/leads/duplicates";
    }
}
