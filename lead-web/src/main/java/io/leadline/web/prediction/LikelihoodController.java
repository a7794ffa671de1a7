package io.leadline.web.prediction;

import io.leadline.persistence.prediction.LikelihoodModels;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins train the likelihood-to-close model and see how it does beside the points model, and what it flagged. */
@Controller
class LikelihoodController {

    private final LikelihoodModels models;
    private final Clock clock;

    LikelihoodController(LikelihoodModels models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    @GetMapping("/settings/likelihood")
    String page(Model model) {
        List<LikelihoodModels.Version> versions = models.latest(10);
        model.addAttribute("versions", versions);
        versions.stream().filter(v -> "DONE".equals(v.status())).findFirst().ifPresent(v -> {
            model.addAttribute("current", v);
            var calibration = models.calibration(v.id());
            model.addAttribute("calibration", calibration);
            // The chart's scale: the highest predicted or observed rate, so that low win rates do not huddle in a corner.
            model.addAttribute("maxRate", Math.max(0.01, calibration.stream()
                    .mapToDouble(d -> Math.max(d.predicted(), d.observed())).max().orElse(1)));
            model.addAttribute("fields", models.fields(v.id()));
            model.addAttribute("points", new io.leadline.core.prediction.PredictiveModel(0, models.columns(v.id())).strongest(15));
        });
        if (versions.stream().anyMatch(LikelihoodModels.Version::running)) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "settings/likelihood";
    }

    @PostMapping("/settings/likelihood/train")
    String train(@RequestParam(name = "include", required = false) List<String> include,
                 @RequestParam(name = "exclude", required = false) List<String> exclude, Principal admin, RedirectAttributes redirect) {
        Set<String> fields = include == null ? Set.of() : new TreeSet<>(include);
        Set<String> leftOut = exclude == null ? Set.of() : new TreeSet<>(exclude);
        long id = models.queue(admin.getName(), fields, leftOut, Instant.now(clock));
        redirect.addFlashAttribute("message", "Training model " + id + " in the background"
                + (fields.isEmpty() ? "" : ", including knowingly: " + String.join(", ", fields))
                + (leftOut.isEmpty() ? "" : ", leaving out: " + String.join(", ", leftOut)) + ".");
        return "redirect:/settings/likelihood";
    }
}
