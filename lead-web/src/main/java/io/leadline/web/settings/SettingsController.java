package io.leadline.web.settings;

import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.qualification.DisqualificationReport;
import io.leadline.core.scoring.ModelDiff;
import io.leadline.persistence.scoring.JdbcScoringModels;
import java.util.ArrayList;
import java.util.List;
import io.leadline.persistence.scoring.RescoreJobs;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import io.leadline.persistence.user.AppUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
    private final Clock clock;

    SettingsController(JdbcScoringModels models, AppUsers users, DisqualificationReport disqualifications, RescoreJobs rescores,
                       Clock clock) {
        this.models = models;
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
            List<String> changes = i + 1 < versions.size() ? ModelDiff.between(versions.get(i + 1).model(), v.model()) : List.of("the first version");
            rows.add(new VersionRow(v.model().version(), v.active(), v.createdBy(), v.createdAt(), v.note(), changes));
        }
        model.addAttribute("versions", rows);
        model.addAttribute("users", users.findAllByOrderByUsername());
        model.addAttribute("roles", io.leadline.core.user.Role.values());
        Map<String, String> labels = DisqualificationReason.STANDARD.stream()
                .collect(Collectors.toMap(DisqualificationReason::code, DisqualificationReason::label));
        model.addAttribute("reasonLabels", labels);
        model.addAttribute("disqualifications", disqualifications.counts());
        var rescore = rescores.latest().orElse(null);
        model.addAttribute("rescore", rescore);
        if (rescore != null && rescore.running()) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "settings/settings";
    }

    /** One version for the versions list: who saved it, when, why, and what it changed against the one before. */
    record VersionRow(int version, boolean active, String createdBy, Instant createdAt, String note, List<String> changes) {
    }

    /** Rescores every lead with the live model, in the background. */
    @PostMapping("/settings/rescore")
    String rescore(Principal admin, RedirectAttributes redirect) {
        rescores.queue(admin.getName(), "requested on the settings page", Instant.now(clock));
        redirect.addFlashAttribute("message", "Rescoring started; it runs in the background.");
        return "redirect:/settings";
    }
}
