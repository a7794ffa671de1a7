package io.leadline.web.handoff;

import io.leadline.core.queue.AssignmentRule;
import io.leadline.core.queue.QueueFilter;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.queue.LeadAssignment;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hand-off settings page: who counts as a hand-raiser, how the rest of the queue is ranked, round-robin and the
 * reps in it, the ordered assignment rules, and a preview of who gets the next ten leads.
 */
@Controller
class HandoffController {

    static final int PREVIEW = 10;

    private final HandoffSettings settings;
    private final LeadAssignment assignment;

    private final PageMessages messages;

    HandoffController(HandoffSettings settings, LeadAssignment assignment, PageMessages messages) {
        this.messages = messages;
        this.settings = settings;
        this.assignment = assignment;
    }

    @GetMapping("/settings/handoff")
    String page(Model model) {
        if (!model.containsAttribute("handoffForm")) {
            model.addAttribute("handoffForm", HandoffForm.of(settings.policy()));
        }
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", new RuleForm());
        }
        model.addAttribute("rules", settings.assignmentRules());
        model.addAttribute("reps", settings.reps());
        model.addAttribute("preview", assignment.preview(PREVIEW));
        model.addAttribute("orders", QueueFilter.Order.values());
        model.addAttribute("kinds", AssignmentRule.Kind.values());
        model.addAttribute("weekDays", WEEK);
        model.addAttribute("zones", ZONES);
        return "handoff/handoff";
    }

    /** A weekday as the form shows it. */
    record Day(String name, String label) {}

    private static final List<Day> WEEK = Arrays.stream(DayOfWeek.values())
            .map(d -> new Day(d.name(), d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)))
            .toList();

    /** The zones a browser can offer while the admin types (region/city names only). */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    @PostMapping("/settings/handoff")
    String save(
            @Valid @ModelAttribute("handoffForm") HandoffForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                settings.save(form.policy(), admin.getName());
                redirect.addFlashAttribute("message", messages.get("handoff.saved"));
                return "redirect:/settings/handoff";
            } catch (HandoffForm.WorkingHoursException e) {
                errors.rejectValue(e.field(), "invalid", messages.refusal(e.refusal()));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("handRaiserTypes", "invalid", messages.refusal(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model);
    }

    @PostMapping("/settings/handoff/rules")
    String addRule(
            @Valid @ModelAttribute("ruleForm") RuleForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                AssignmentRule rule = form.rule();
                settings.add(rule, admin.getName());
                redirect.addFlashAttribute("message", messages.get("handoff.rule.added", rule.describe()));
                return "redirect:/settings/handoff";
            } catch (IllegalArgumentException e) {
                // The domain's refusals name what is wrong: the rep (missing, not an active rep) or the value.
                errors.rejectValue(e.getMessage().contains(" rep") ? "rep" : "value", "invalid", messages.refusal(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model);
    }

    @PostMapping("/settings/handoff/rules/{position}/delete")
    String removeRule(@PathVariable int position, Principal admin, RedirectAttributes redirect) {
        boolean removed = settings.remove(position, admin.getName());
        redirect.addFlashAttribute(
                removed ? "message" : "error",
                removed ? "Rule " + position + " removed." : "There is no rule " + position + ".");
        return "redirect:/settings/handoff";
    }

    @PostMapping("/settings/handoff/rules/{position}/up")
    String moveUp(@PathVariable int position, Principal admin, RedirectAttributes redirect) {
        if (settings.moveUp(position, admin.getName())) {
            redirect.addFlashAttribute("message", messages.get("handoff.rule.moved", position, position - 1));
        } else {
            redirect.addFlashAttribute("error", messages.get("handoff.rule.cannotMove", position));
        }
        return "redirect:/settings/handoff";
    }

    @PostMapping("/settings/handoff/reps/{rep}/rotation")
    String rotation(
            @PathVariable String rep,
            @RequestParam(defaultValue = "false") boolean inRotation,
            Principal admin,
            RedirectAttributes redirect) {
        try {
            settings.setInRotation(rep, inRotation, admin.getName());
            redirect.addFlashAttribute(
                    "message", messages.get(inRotation ? "handoff.rotation.in" : "handoff.rotation.out", rep));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", messages.refusal(e));
        }
        return "redirect:/settings/handoff";
    }
}
