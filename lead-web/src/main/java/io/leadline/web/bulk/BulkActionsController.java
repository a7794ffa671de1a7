package io.leadline.web.bulk;

import io.leadline.core.bulk.BulkAction;
import io.leadline.core.bulk.BulkJobs;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadSearch;
import io.leadline.core.lead.SegmentMembers;
import io.leadline.core.user.Role;
import io.leadline.web.access.Roles;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.leads.LeadFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk actions from the lead list: the leads ticked on this page, or every lead that matches the list's filters, are
 * assigned, disqualified or recycled by a background job; its page shows progress, then how many leads changed and
 * why any were refused.
 */
@Controller
class BulkActionsController {

    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9_.~%&=+\\-]{0,2000}");

    private final BulkJobs jobs;
    private final LeadList leads;
    private final SegmentMembers segments;
    private final Clock clock;

    private final PageMessages messages;

    BulkActionsController(BulkJobs jobs, LeadList leads, SegmentMembers segments, Clock clock, PageMessages messages) {
        this.messages = messages;
        this.segments = segments;
        this.jobs = jobs;
        this.leads = leads;
        this.clock = clock;
    }

    @PostMapping("/leads/bulk")
    String request(
            @ModelAttribute("filter") LeadFilter filter,
            BindingResult binding,
            @RequestParam(defaultValue = "selected") String scope,
            @RequestParam(name = "lead", required = false) List<Long> ticked,
            @RequestParam(required = false) BulkAction.Kind kind,
            @RequestParam(required = false) String rep,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate revisitOn,
            @RequestParam(required = false) Long toSegment,
            @RequestParam(required = false) String newSegment,
            @RequestParam(name = "back", defaultValue = "") String listQuery,
            Authentication user,
            RedirectAttributes redirect) {
        // Back to the list as it was filtered (its query string, only if it reads as one).
        String back =
                "redirect:/leads" + (QUERY.matcher(listQuery).matches() && !listQuery.isEmpty() ? "?" + listQuery : "");
        boolean admin = Roles.has(user, Role.ADMIN);
        BulkAction action;
        try {
            if (kind == null) {
                throw new IllegalArgumentException("Choose what to do with the selected leads.");
            }
            Long segmentId = toSegment;
            if (kind == BulkAction.Kind.ADD_TO_SEGMENT && newSegment != null && !newSegment.isBlank()) {
                segmentId = segments.createList(newSegment, user.getName(), Instant.now(clock))
                        .id();
            }
            action = new BulkAction(kind, rep, reason, note, revisitOn, segmentId);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", messages.refusal(e));
            return back;
        }
        boolean sales = admin || Roles.has(user, Role.SALES);
        boolean marketer = admin || Roles.has(user, Role.MARKETER);
        if (action.kind().adminOnly() && !admin
                || action.kind().move() && !sales
                || !action.kind().move() && !marketer) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Your role may not " + action.kind().label().toLowerCase() + ".");
        }
        List<Long> selected;
        if ("all".equals(scope)) {
            LeadSearch search = binding.hasErrors() ? null : filter.toSearch();
            if (search == null) {
                redirect.addFlashAttribute("error", messages.get("bulk.filters"));
                return back;
            }
            selected = leads.ids(search, BulkAction.MAX_LEADS + 1);
        } else {
            selected = ticked == null ? List.of() : ticked.stream().distinct().toList();
        }
        if (selected.isEmpty()) {
            redirect.addFlashAttribute("error", messages.get("bulk.none"));
            return back;
        }
        if (selected.size() > BulkAction.MAX_LEADS) {
            redirect.addFlashAttribute("error", messages.get("bulk.tooMany", BulkAction.MAX_LEADS));
            return back;
        }
        long id = jobs.request(action, selected, user.getName(), admin, Instant.now(clock));
        redirect.addFlashAttribute("message", messages.get("bulk.started", action.describe(), selected.size()));
        return "redirect:/leads/bulk/" + id;
    }

    @GetMapping("/leads/bulk/{id}")
    String progress(@PathVariable long id, Model model) {
        BulkJobs.Job job = jobs.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No bulk action " + id));
        model.addAttribute("job", job);
        model.addAttribute("reasons", jobs.refusalReasons(id, 20));
        if (job.open()) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "bulk/progress";
    }
}
