package io.leadline.web.duplicates;

import io.leadline.core.duplicates.MergePlan;
import io.leadline.core.lead.Lead;
import io.leadline.core.user.Role;
import io.leadline.web.access.Roles;
import io.leadline.web.capture.LeadEditing.EditConflictException;
import io.leadline.web.i18n.PageMessages;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Two leads side by side, field by field, and the merge of one into the other. */
@Controller
class MergeController {

    static final String VIEW = "duplicates/merge";

    private final LeadMerging merging;

    private final PageMessages messages;

    MergeController(LeadMerging merging, PageMessages messages) {
        this.messages = messages;
        this.merging = merging;
    }

    /** The side-by-side page: {@code keep} survives; without it, the lead further along the funnel does. */
    @GetMapping("/leads/merge")
    String compare(
            @RequestParam long lead, @RequestParam long other, @RequestParam(required = false) Long keep, Model model) {
        MergePlan plan = merging.plan(lead, other);
        if (keep == null) {
            plan = MergePlan.suggested(plan.survivor(), plan.merged());
        } else if (keep == other) {
            plan = plan.swapped();
        }
        model.addAttribute("plan", plan);
        model.addAttribute("chosen", plan.defaultFromMerged());
        return VIEW;
    }

    @PostMapping("/leads/merge")
    String merge(
            @Valid @ModelAttribute MergeForm form,
            BindingResult result,
            Authentication user,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", messages.get("merge.incomplete"));
            return "redirect:/leads/duplicates";
        }
        String back = "redirect:/leads/merge?lead=" + form.getSurvivorId() + "&other=" + form.getMergedId() + "&keep="
                + form.getSurvivorId();
        Lead merged;
        try {
            merged = merging.merge(
                    form.getSurvivorId(),
                    form.getSurvivorVersion(),
                    form.getMergedId(),
                    form.getMergedVersion(),
                    form.fields(),
                    user.getName(),
                    Roles.has(user, Role.ADMIN));
        } catch (EditConflictException | LeadMerging.MergeRefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return back;
        }
        redirect.addFlashAttribute(
                "message", messages.get("merge.done", String.valueOf(form.getMergedId()), merged.displayName()));
        return "redirect:/leads/" + merged.id();
    }
}
