package io.leadline.web.settings;

import io.leadline.core.scoring.ScoringModels;
import io.leadline.persistence.user.AppUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's settings page: the live scoring model and the users. */
@Controller
class SettingsController {

    private final ScoringModels models;
    private final AppUsers users;

    SettingsController(ScoringModels models, AppUsers users) {
        this.models = models;
        this.users = users;
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("model", models.active());
        model.addAttribute("users", users.findAllByOrderByUsername());
        return "settings/settings";
    }
}
