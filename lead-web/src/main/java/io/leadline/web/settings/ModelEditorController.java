package io.leadline.web.settings;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadList;
import io.leadline.core.scoring.ConditionText;
import io.leadline.core.scoring.ModelComparison;
import io.leadline.core.scoring.ModelDiff;
import io.leadline.core.scoring.RuleReach;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.persistence.scoring.JdbcScoringModels;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.persistence.scoring.ScoringSamples;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scoring-model editor: change weights, caps, decay, grade bands and the MQL threshold; preview the draft
 * against the live model on the existing leads (what-if and back-test); save it as a new version and activate
 * it, which rescores every lead; or roll back to an older version.
 */
@Controller
class ModelEditorController {

    /** How many leads a preview scores at most (an even spread beyond that). */
    static final int PREVIEW_LEADS = 100_000;

    private final JdbcScoringModels models;
    private final ScoringSamples samples;
    private final RescoreJobs rescores;
    private final Audit audit;
    private final Clock clock;
    private final LeadList leadList;
    private final ModelSuggestions suggestions;

    private final PageMessages messages;

    ModelEditorController(
            JdbcScoringModels models,
            ScoringSamples samples,
            RescoreJobs rescores,
            Audit audit,
            Clock clock,
            LeadList leadList,
            ModelSuggestions suggestions,
            PageMessages messages) {
        this.messages = messages;
        this.leadList = leadList;
        this.suggestions = suggestions;
        this.models = models;
        this.samples = samples;
        this.rescores = rescores;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/settings/model")
    String edit(@RequestParam(name = "from", required = false) Integer from, Model model) {
        ScoringModel base = base(from);
        Map<String, String> form = ModelDrafts.formOf(base);
        if (base.version() != models.active().version()) {
            form.put("base", Integer.toString(base.version()));
        }
        editor(model, base, form);
        return "settings/model";
    }

    /** The version the editor starts from: a stored draft when asked for, else the live model. */
    private ScoringModel base(Integer version) {
        return version == null
                ? models.active()
                : models.find(version).map(JdbcScoringModels.Version::model).orElseGet(models::active);
    }

    private ScoringModel base(Map<String, String> form) {
        try {
            return base(form.containsKey("base") ? Integer.valueOf(form.get("base")) : null);
        } catch (NumberFormatException e) {
            return models.active();
        }
    }

    /**
     * A points model suggested by the leads' outcomes (see SuggestedRules), saved as a draft version that is not live
     * and opened in the editor to review and preview. Fields the leak guard flags are left out.
     */
    @PostMapping("/settings/model/suggest")
    String suggest(Principal admin, RedirectAttributes redirect) {
        Instant now = Instant.now(clock);
        var customFields = new TreeSet<>(leadList.customFields());
        var drawn = samples.draw(PREVIEW_LEADS, customFields, now);
        var suggestion = suggestions.suggest(drawn.samples(), customFields, models.active(), models.nextVersion(), now);
        if (suggestion.isEmpty()) {
            redirect.addFlashAttribute("error", messages.get("model.suggest.few"));
            return "redirect:/settings/model";
        }
        var s = suggestion.get();
        models.save(s.model(), admin.getName(), s.note(), now);
        redirect.addFlashAttribute(
                "message",
                messages.get(
                        "model.suggested",
                        String.valueOf(s.model().version()),
                        s.model().fitRules().size(),
                        s.leads()));
        redirect.addFlashAttribute("evidence", s.evidence());
        return "redirect:/settings/model?from=" + s.model().version();
    }

    /** What every editor page shows: the live model's rules, the form's values, the kinds of rule and the fields. */
    private void editor(Model model, ScoringModel live, Map<String, String> form) {
        model.addAttribute("live", live);
        model.addAttribute("liveVersion", models.active().version());
        model.addAttribute("form", form);
        model.addAttribute("kinds", ConditionText.Kind.values());
        model.addAttribute("newRows", ModelDrafts.NEW_ROWS);
        var fields = new TreeSet<String>();
        for (LeadField f : LeadField.values()) {
            fields.add(f.key());
        }
        fields.addAll(leadList.customFields());
        model.addAttribute("fieldNames", fields);
    }

    @PostMapping("/settings/model/preview")
    String preview(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        ScoringModel live = models.active();
        ScoringModel base = base(form);
        editor(model, base, form);
        var read = ModelDrafts.read(form, base, models.nextVersion());
        if (!read.errors().isEmpty()) {
            model.addAttribute("errors", read.errors());
            model.addAttribute("error", "The draft has fields that need correcting; they are marked below.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "settings/model";
        }
        ScoringModel draft = read.draft();
        var attributes = new TreeSet<>(live.customAttributes());
        attributes.addAll(draft.customAttributes());
        var drawn = samples.draw(PREVIEW_LEADS, attributes, Instant.now(clock));
        var comparison = ModelComparison.of(live, draft, drawn.samples(), Instant.now(clock), 20);
        model.addAttribute("comparison", comparison);
        model.addAttribute(
                "histogramMax",
                Math.max(
                        1,
                        comparison.histogram().stream()
                                .mapToInt(b -> Math.max(b.current(), b.draft()))
                                .max()
                                .orElse(1)));
        model.addAttribute("sampled", drawn.how());
        model.addAttribute("changes", ModelDiff.between(live, draft));
        model.addAttribute("ruleWarnings", RuleReach.warnings(draft, drawn.samples()));
        return "settings/model";
    }

    /** Keeps the draft as a stored version that is not live yet; it can be activated from the versions list. */
    @PostMapping("/settings/model/draft")
    String saveDraft(@RequestParam Map<String, String> form, Principal admin, RedirectAttributes redirect) {
        return store(form, admin, redirect, false);
    }

    @PostMapping("/settings/model/activate")
    String activate(@RequestParam Map<String, String> form, Principal admin, RedirectAttributes redirect) {
        return store(form, admin, redirect, true);
    }

    private String store(Map<String, String> form, Principal admin, RedirectAttributes redirect, boolean activate) {
        ScoringModel live = models.active();
        var read = ModelDrafts.read(form, base(form), models.nextVersion());
        if (!read.errors().isEmpty()) {
            redirect.addFlashAttribute(
                    "error",
                    messages.get(
                            "model.unreadable",
                            read.errors().values().iterator().next()));
            return "redirect:/settings/model";
        }
        var changes = ModelDiff.between(live, read.draft());
        if (changes.isEmpty()) {
            redirect.addFlashAttribute("error", messages.get("model.same"));
            return "redirect:/settings/model";
        }
        Instant now = Instant.now(clock);
        models.save(read.draft(), admin.getName(), form.getOrDefault("note", ""), now);
        if (!activate) {
            redirect.addFlashAttribute(
                    "message",
                    messages.get("model.draftSaved", String.valueOf(read.draft().version())));
            return "redirect:/settings";
        }
        models.activate(read.draft().version());
        rescores.queueModelChange(
                admin.getName(), "model version " + read.draft().version() + " activated", now);
        audit.record(
                admin.getName(),
                AuditAction.MODEL_ACTIVATED,
                "model version " + read.draft().version(),
                String.join("; ", changes));
        redirect.addFlashAttribute(
                "message",
                messages.get("model.isLive", String.valueOf(read.draft().version())));
        return "redirect:/settings";
    }

    @PostMapping("/settings/model/{version}/activate")
    String rollBack(@PathVariable int version, Principal admin, RedirectAttributes redirect) {
        try {
            models.activate(version);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/settings";
        }
        rescores.queueModelChange(admin.getName(), "rolled back to model version " + version, Instant.now(clock));
        audit.record(
                admin.getName(),
                AuditAction.MODEL_ACTIVATED,
                "model version " + version,
                "activated from the versions list");
        redirect.addFlashAttribute("message", messages.get("model.isLive", String.valueOf(version)));
        return "redirect:/settings";
    }
}
