package io.leadline.web.prediction;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.importing.CellText;
import io.leadline.core.prediction.PredictiveModel;
import io.leadline.persistence.prediction.LikelihoodModels;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins review the fields, train the likelihood-to-close model, see how each version does beside the points model
 * and what it flagged, and pick which version is live (a rollback is picking an older one).
 */
@Controller
class LikelihoodController {

    private final LikelihoodModels models;
    private final FieldReview review;
    private final RescoreJobs rescoring;
    private final Audit audit;
    private final Clock clock;

    private final PageMessages messages;

    LikelihoodController(
            LikelihoodModels models,
            FieldReview review,
            RescoreJobs rescoring,
            Audit audit,
            Clock clock,
            PageMessages messages) {
        this.messages = messages;
        this.models = models;
        this.review = review;
        this.rescoring = rescoring;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code model}: the version to show (default the live one, else the newest finished); {@code review}: check the fields now. */
    @GetMapping("/settings/likelihood")
    String page(
            @RequestParam(name = "model", required = false) Long shown,
            @RequestParam(name = "review", defaultValue = "false") boolean reviewNow,
            Model model) {
        List<LikelihoodModels.Version> versions = models.latest(20);
        model.addAttribute("versions", versions);
        Optional<Long> live = models.live();
        model.addAttribute("liveId", live.orElse(null));
        Optional<LikelihoodModels.Version> current = Optional.ofNullable(shown)
                .flatMap(models::find)
                .filter(LikelihoodModels.Version::done)
                .or(() -> live.flatMap(models::find))
                .or(() ->
                        versions.stream().filter(LikelihoodModels.Version::done).findFirst());
        current.ifPresent(v -> {
            model.addAttribute("current", v);
            var calibration = models.calibration(v.id());
            model.addAttribute("calibration", calibration);
            // The chart's scale: the highest predicted or observed rate, so that low win rates do not huddle in a
            // corner.
            model.addAttribute(
                    "maxRate",
                    Math.max(
                            0.01,
                            calibration.stream()
                                    .mapToDouble(d -> Math.max(d.predicted(), d.observed()))
                                    .max()
                                    .orElse(1)));
            model.addAttribute("points", new PredictiveModel(0, models.columns(v.id())).strongest(15));
        });
        if (reviewNow || current.isEmpty()) {
            FieldReview.Result checked = review.now();
            model.addAttribute("fields", checked.fields());
            model.addAttribute("reviewNote", checked.note());
            model.addAttribute("reviewed", true);
        } else {
            model.addAttribute("fields", models.fields(current.get().id()));
            model.addAttribute("reviewed", false);
        }
        if (versions.stream().anyMatch(LikelihoodModels.Version::running)) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "settings/likelihood";
    }

    @PostMapping("/settings/likelihood/train")
    String train(
            @RequestParam(name = "include", required = false) List<String> include,
            @RequestParam(name = "exclude", required = false) List<String> exclude,
            Principal admin,
            RedirectAttributes redirect) {
        Set<String> fields = fieldNames(include);
        Set<String> leftOut = fieldNames(exclude);
        long id = models.queue(admin.getName(), fields, leftOut, Instant.now(clock));
        redirect.addFlashAttribute(
                "message",
                messages.get("likely.training", String.valueOf(id))
                        + (fields.isEmpty() ? "" : messages.get("likely.training.including", String.join(", ", fields)))
                        + (leftOut.isEmpty() ? "" : messages.get("likely.training.leaving", String.join(", ", leftOut)))
                        + ".");
        return "redirect:/settings/likelihood";
    }

    /** The field names the page sent; text with control characters is no field's name and is dropped. */
    private static Set<String> fieldNames(List<String> sent) {
        Set<String> names = new TreeSet<>();
        if (sent != null) {
            sent.stream()
                    .filter(n -> n != null && !CellText.hasControlCharacters(n))
                    .forEach(names::add);
        }
        return names;
    }

    /**
     * Makes a finished version live; a version trained with a flagged field included needs {@code confirm=yes}. Every
     * lead's likelihood is then computed again, in the background.
     */
    @PostMapping("/settings/likelihood/{id}/live")
    String makeLive(
            @PathVariable long id,
            @RequestParam(name = "confirm", required = false) String confirm,
            Principal admin,
            RedirectAttributes redirect) {
        var version = models.find(id).filter(LikelihoodModels.Version::done);
        if (version.isEmpty()) {
            redirect.addFlashAttribute("error", messages.get("likely.notFinished", String.valueOf(id)));
        } else if (version.get().flaggedIncluded() && !"yes".equals(confirm)) {
            redirect.addFlashAttribute(
                    "error",
                    messages.get(
                            "likely.flagged",
                            String.valueOf(id),
                            String.join(", ", version.get().includeFields())));
        } else {
            Instant now = Instant.now(clock);
            models.makeLive(id, now);
            rescoring.queue(admin.getName(), "likelihood model " + id + " made live", now);
            audit.record(
                    admin.getName(),
                    AuditAction.LIKELIHOOD_LIVE,
                    "likelihood model " + id,
                    version.get().flaggedIncluded() ? "with flagged fields included, confirmed" : "");
            redirect.addFlashAttribute("message", messages.get("likely.isLive", String.valueOf(id)));
        }
        return "redirect:/settings/likelihood";
    }
}
