package io.leadline.web.settings;

import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.qualification.DisqualificationReport;
import io.leadline.core.scoring.ScoringModels;
import java.util.Map;
import java.util.stream.Collectors;
import io.leadline.persistence.user.AppUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's settings page: the live scoring model, what reps rejected and why, and the users. */
@Controller
class SettingsController {

    private final ScoringModels models;
    private final AppUsers users;
    private final DisqualificationReport disqualifications;

    SettingsController(ScoringModels models, AppUsers users, DisqualificationReport disqualifications) {
        this.models = models;
        this.users = users;
        this.disqualifications = disqualifications;
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("model", models.active());
        model.addAttribute("users", users.findAllByOrderByUsername());
        Map<String, String> labels = DisqualificationReason.STANDARD.stream()
                .collect(Collectors.toMap(DisqualificationReason::code, DisqualificationReason::label));
        model.addAttribute("reasonLabels", labels);
        model.addAttribute("disqualifications", disqualifications.counts());
        return "settings/settings";
    }
}
