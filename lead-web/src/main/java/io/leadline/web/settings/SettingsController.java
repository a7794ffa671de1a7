package io.leadline.web.settings;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.qualification.DisqualificationReport;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.queue.ResponseSla;
import io.leadline.core.scoring.ModelDiff;
import io.leadline.core.user.Role;
import io.leadline.persistence.scoring.JdbcScoringModels;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.persistence.user.AppUsers;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.security.LoginThrottle;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's settings page: the live scoring model, what reps rejected and why, and the users. */
@Controller
class SettingsController {

    private final JdbcScoringModels models;
    private final AppUsers users;
    private final DisqualificationReport disqualifications;
    private final RescoreJobs rescores;
    private final SalesRules salesSettings;
    private final Audit audit;
    private final Clock clock;

    private final ApiTokenRegistry tokens;
    private final LoginThrottle throttle;

    private final PageMessages messages;

    SettingsController(
            JdbcScoringModels models,
            AppUsers users,
            DisqualificationReport disqualifications,
            RescoreJobs rescores,
            SalesRules salesSettings,
            Audit audit,
            Clock clock,
            ApiTokenRegistry tokens,
            LoginThrottle throttle,
            PageMessages messages) {
        this.messages = messages;
        this.tokens = tokens;
        this.throttle = throttle;
        this.models = models;
        this.salesSettings = salesSettings;
        this.audit = audit;
        this.rescores = rescores;
        this.clock = clock;
        this.users = users;
        this.disqualifications = disqualifications;
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("model", models.active());
        var versions = models.versions();
        List<VersionRow> rows = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            var v = versions.get(i);
            List<String> changes = i + 1 < versions.size()
                    ? ModelDiff.between(versions.get(i + 1).model(), v.model())
                    : List.of("the first version");
            rows.add(new VersionRow(v.model().version(), v.active(), v.createdBy(), v.createdAt(), v.note(), changes));
        }
        model.addAttribute("versions", rows);
        model.addAttribute("users", users.findAllByOrderByUsername());
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("throttles", throttle.blocks());
        model.addAttribute("roles", Role.values());
        Map<String, String> labels = salesSettings.allReasons().stream()
                .collect(Collectors.toMap(DisqualificationReason::code, DisqualificationReason::label));
        model.addAttribute("reasonLabels", labels);
        model.addAttribute("disqualifications", disqualifications.counts());
        model.addAttribute("slaHours", salesSettings.slaHours());
        model.addAttribute("bant", salesSettings.bantPolicy());
        model.addAttribute("criteria", BantCriterion.values());
        model.addAttribute("reasons", salesSettings.allReasons());
        model.addAttribute("activeReasons", salesSettings.reasons());
        var rescore = rescores.latest().orElse(null);
        model.addAttribute("rescore", rescore);
        if (rescore != null && rescore.running()) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "settings/settings";
    }

    /** One version for the versions list: who saved it, when, why, and what it changed against the one before. */
    record VersionRow(
            int version, boolean active, String createdBy, Instant createdAt, String note, List<String> changes) {}

    /** The SLA and BANT policy. */
    @PostMapping("/settings/sales")
    String sales(SalesRulesForm form, BindingResult binding, Principal admin, RedirectAttributes redirect) {
        if (binding.hasErrors() || form.slaHours() == null) {
            redirect.addFlashAttribute("error", messages.get("settings.sales.numbers"));
            return "redirect:/settings";
        }
        try {
            ResponseSla.hours(form.slaHours());
            salesSettings.save(form.slaHours(), form.policy(), admin.getName(), Instant.now(clock));
            audit.record(admin.getName(), AuditAction.SETTINGS_CHANGED, "sales settings", form.summary());
            redirect.addFlashAttribute("message", messages.get("settings.sales.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", messages.refusal(e));
        }
        return "redirect:/settings";
    }

    @PostMapping("/settings/reasons")
    String addReason(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String label,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean needsNote,
            Principal admin,
            RedirectAttributes redirect) {
        String code = label.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
        try {
            salesSettings.addReason(new DisqualificationReason(
                    code.length() > 40 ? code.substring(0, 40) : code, label.strip(), needsNote));
            audit.record(
                    admin.getName(),
                    AuditAction.SETTINGS_CHANGED,
                    "disqualification reasons",
                    "added " + label.strip());
            redirect.addFlashAttribute("message", messages.get("settings.reason.added", label.strip()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", messages.get("settings.reason.name"));
        }
        return "redirect:/settings";
    }

    @PostMapping("/settings/reasons/{code}/retire")
    String retireReason(
            @org.springframework.web.bind.annotation.PathVariable String code,
            Principal admin,
            RedirectAttributes redirect) {
        salesSettings.retireReason(code);
        audit.record(admin.getName(), AuditAction.SETTINGS_CHANGED, "disqualification reasons", "retired " + code);
        redirect.addFlashAttribute("message", messages.get("settings.reason.retired"));
        return "redirect:/settings";
    }

    /** Rescores every lead with the live model, in the background. */
    @PostMapping("/settings/rescore")
    String rescore(Principal admin, RedirectAttributes redirect) {
        rescores.queue(admin.getName(), "requested on the settings page", Instant.now(clock));
        redirect.addFlashAttribute("message", messages.get("settings.rescore.started"));
        return "redirect:/settings";
    }
}
