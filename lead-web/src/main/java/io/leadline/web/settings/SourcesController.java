package io.leadline.web.settings;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.lead.LeadSources;
import io.leadline.core.lead.SourceAliasBook;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.reports.ReportRefresh;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sources in use and the ones merged into others: an admin folds {@code Google Ads} into {@code paid_search} once, the
 * leads carrying it move over, and every lead arriving with it later (form, API, import) is stored under the source it
 * was merged into. Reports and filters then list one source.
 */
@Controller
class SourcesController {

    private final SourceAliasBook sources;
    private final Audit audit;
    private final ReportRefresh reports;
    private final Clock clock;

    private final PageMessages messages;

    SourcesController(SourceAliasBook sources, Audit audit, ReportRefresh reports, Clock clock, PageMessages messages) {
        this.messages = messages;
        this.sources = sources;
        this.audit = audit;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/settings/sources")
    String sources(Model model) {
        List<SourceAliasBook.SourceUse> inUse = sources.inUse();
        TreeSet<String> known = new TreeSet<>(LeadSources.STANDARD);
        inUse.forEach(u -> known.add(u.source()));
        model.addAttribute("inUse", inUse);
        model.addAttribute("known", known);
        model.addAttribute("standard", LeadSources.STANDARD);
        model.addAttribute("merged", sources.merged());
        return "settings/sources";
    }

    @PostMapping("/settings/sources/merge")
    String merge(
            @RequestParam(defaultValue = "") String alias,
            @RequestParam(defaultValue = "") String into,
            @RequestParam(defaultValue = "") String confirm,
            Principal admin,
            RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>(sources.current().problemsMerging(alias, into));
        if (problems.isEmpty() && !"yes".equals(confirm)) {
            problems.add("Tick the box to confirm: the leads of " + LeadSources.key(alias)
                    + " move to the other source, and a " + "merge is not undone by stopping it.");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", String.join(" ", problems));
            return "redirect:/settings/sources";
        }
        SourceAliasBook.Merge merge = sources.merge(alias, into, admin.getName(), Instant.now(clock));
        reports.now();
        audit.record(
                admin.getName(),
                AuditAction.SOURCE_MERGED,
                "source " + merge.source(),
                "merged into " + merge.into() + ": " + merge.leadsMoved() + " leads moved");
        redirect.addFlashAttribute(
                "message", messages.get("sources.merged.done", merge.source(), merge.into(), merge.leadsMoved()));
        return "redirect:/settings/sources";
    }

    @PostMapping("/settings/sources/forget")
    String forget(@RequestParam(defaultValue = "") String alias, Principal admin, RedirectAttributes redirect) {
        if (sources.forget(alias)) {
            audit.record(
                    admin.getName(),
                    AuditAction.SETTINGS_CHANGED,
                    "source " + LeadSources.key(alias),
                    "no longer merged");
            redirect.addFlashAttribute("message", messages.get("sources.forgotten", LeadSources.key(alias)));
        } else {
            redirect.addFlashAttribute("error", messages.get("sources.notMerged", LeadSources.key(alias)));
        }
        return "redirect:/settings/sources";
    }
}
