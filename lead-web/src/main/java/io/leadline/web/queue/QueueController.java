package io.leadline.web.queue;

import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.lead.LeadCount;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.queue.HandoffPolicy;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.queue.QueuePosition;
import io.leadline.core.queue.ResponseSla;
import io.leadline.core.queue.SalesQueue;
import io.leadline.core.reports.Reports;
import io.leadline.core.user.Role;
import io.leadline.web.access.Roles;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.prediction.LeadLikelihood;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sales queue: MQLs and SQLs, best first, 50 a page, with filters; and the same grouped by account. */
@Controller
class QueueController {

    static final int PAGE_SIZE = 50;
    /** The most hand-raisers shown in their lane above the ranked queue. */
    static final int HOT_LANE_SIZE = 25; // the rest of the hand-raisers stay in the ranked list

    private final SalesQueue queue;
    private final LeadClaims claims;
    private final SalesRules settings;
    private final Clock clock;

    private final LeadLikelihood likelihood;
    private final HandoffRules handoff;

    private final Reports reports;

    private final PageMessages messages;
    private final QueueRows rows;

    QueueController(
            SalesQueue queue,
            LeadClaims claims,
            SalesRules settings,
            Clock clock,
            LeadLikelihood likelihood,
            Reports reports,
            HandoffRules handoff,
            PageMessages messages,
            QueueRows rows) {
        this.rows = rows;
        this.messages = messages;
        this.handoff = handoff;
        this.reports = reports;
        this.likelihood = likelihood;
        this.queue = queue;
        this.claims = claims;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the filter form sends; every field optional. */
    record Filters(
            QueueFilter.Scope scope,
            LifecycleStage stage,
            String source,
            String company,
            boolean breached,
            Integer minLikelihood,
            QueueFilter.Order order) {}

    @GetMapping("/queue")
    String queue(
            @RequestParam(required = false) QueueFilter.Scope scope,
            @RequestParam(required = false) LifecycleStage stage,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String company,
            @RequestParam(defaultValue = "false") boolean breached,
            @RequestParam(required = false) Integer minLikelihood,
            @RequestParam(required = false) QueueFilter.Order order,
            @RequestParam(required = false) Long afterKey,
            @RequestParam(required = false) Long afterId,
            Authentication viewer,
            HttpServletRequest request,
            Model model) {
        Instant now = Instant.now(clock);
        HandoffPolicy policy = handoff.policy();
        ResponseSla sla = policy.sla(settings.slaHours());
        boolean live = likelihood.live();
        order = orderOrDefault(order, policy, live);
        Filters filters = new Filters(
                scope == null ? QueueFilter.Scope.ALL : scope,
                stage != null && stage.inSalesQueue() ? stage : null,
                source,
                company,
                breached,
                minLikelihood == null ? null : Math.max(0, Math.min(100, minLikelihood)),
                order);
        QueueFilter filter = new QueueFilter(
                filters.scope(),
                viewer.getName(),
                filters.stage(),
                source,
                company,
                breached ? sla.queuedBefore(now) : null,
                filters.minLikelihood(),
                order,
                policy.handRaisers(),
                now);
        QueuePosition after = afterKey != null && afterId != null ? new QueuePosition(afterKey, afterId) : null;
        // The lane is worked out on every page, so that no page ranks its leads again; it is shown on the first.
        List<QueueEntry> lane = queue.handRaisers(filter, HOT_LANE_SIZE);
        List<QueueEntry> page = ranked(filter, lane, after, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<QueueEntry> shown = more ? page.subList(0, PAGE_SIZE) : page;
        List<QueueEntry> hot = after == null ? lane : List.of();
        Set<Long> late = Stream.concat(hot.stream(), shown.stream())
                .filter(e -> sla.breachedBy(e, now))
                .map(QueueEntry::leadId)
                .collect(Collectors.toSet());
        long slaHours = sla.limit().toHours();
        // Asked once for the page, not by a sec:authorize in each of its rows.
        boolean worksLeads = Roles.has(viewer, Role.SALES) || Roles.has(viewer, Role.ADMIN);
        var shared = new QueueRows.Page(
                now,
                live,
                late,
                sla.workingHours() != null
                        ? messages.get("queue.late.working", slaHours)
                        : messages.get("queue.late", slaHours),
                worksLeads,
                request.getContextPath());
        model.addAttribute("hot", hot);
        model.addAttribute("entries", shown);
        model.addAttribute("late", late);
        model.addAttribute("hotRows", rows.of(hot, shared));
        model.addAttribute("rows", rows.of(shown, shared));
        model.addAttribute("total", new LeadCount(queue.countUpTo(filter, LeadCount.CAP)));
        model.addAttribute("handRaisers", policy.handRaisers());
        model.addAttribute(
                "orders",
                Arrays.stream(QueueFilter.Order.values())
                        .filter(o -> o != QueueFilter.Order.LIKELIHOOD || live)
                        .toList());
        model.addAttribute("likelihoodLive", live);
        model.addAttribute("slaHours", slaHours);
        model.addAttribute("next", more ? shown.getLast().position(order) : null);
        model.addAttribute("firstPage", after == null);
        model.addAttribute("worksLeads", worksLeads);
        model.addAttribute("filters", filters);
        model.addAttribute(
                "stages", LifecycleStage.salesQueueStages().stream().sorted().toList());
        model.addAttribute("sources", reports.sourcesInUse());
        return "queue/queue";
    }

    /**
     * "Claim and open next": the rep takes the first unassigned MQL — a hand-raiser first, then the queue's order —
     * and opens it.
     */
    @PostMapping("/queue/next")
    String claimNext(Principal rep, RedirectAttributes redirect) {
        HandoffPolicy policy = handoff.policy();
        QueueFilter unassigned = new QueueFilter(
                QueueFilter.Scope.UNASSIGNED,
                rep.getName(),
                LifecycleStage.MQL,
                null,
                null,
                null,
                null,
                orderOrDefault(null, policy, likelihood.live()),
                policy.handRaisers(),
                Instant.now(clock));
        List<QueueEntry> lane = queue.handRaisers(unassigned, NEXT_CANDIDATES);
        List<QueueEntry> candidates = Stream.concat(
                        lane.stream(), ranked(unassigned, lane, null, NEXT_CANDIDATES).stream())
                .toList();
        return claims.claimFirst(candidates, rep.getName())
                .map(lead -> {
                    redirect.addFlashAttribute("message", messages.get("queue.claimed", lead.displayName()));
                    return "redirect:/leads/" + lead.id();
                })
                .orElseGet(() -> {
                    redirect.addFlashAttribute("message", messages.get("queue.nothingWaiting"));
                    return "redirect:/queue";
                });
    }

    /**
     * The order asked for, else the admin's; by likelihood only while a likelihood model is live (asked for without
     * one: the admin's order; the admin's order without one: best fit first).
     */
    private static QueueFilter.Order orderOrDefault(QueueFilter.Order asked, HandoffPolicy policy, boolean live) {
        QueueFilter.Order order =
                asked == null || asked == QueueFilter.Order.LIKELIHOOD && !live ? policy.order() : asked;
        return order == QueueFilter.Order.LIKELIHOOD && !live ? QueueFilter.Order.PRIORITY : order;
    }

    /** The ranked queue after {@code after}, without the hand-raisers' lane shown above it. */
    private List<QueueEntry> ranked(QueueFilter filter, List<QueueEntry> lane, QueuePosition after, int size) {
        return queue.page(filter, lane.stream().map(QueueEntry::leadId).toList(), after, size);
    }

    /** How many leads "claim and open next" tries before it says none is left (others may claim meanwhile). */
    static final int NEXT_CANDIDATES = 20;

    @PostMapping("/queue/{leadId}/claim")
    String claim(@PathVariable long leadId, Principal rep, RedirectAttributes redirect) {
        try {
            var lead = claims.claim(leadId, rep.getName());
            redirect.addFlashAttribute("message", messages.get("queue.claimed", lead.displayName()));
        } catch (LeadAlreadyClaimedException | IllegalStageChangeException e) {
            redirect.addFlashAttribute("error", messages.refusal(e));
        } catch (NoSuchElementException e) {
            redirect.addFlashAttribute("error", messages.get("queue.gone"));
        }
        return "redirect:/queue";
    }
}
