package io.leadline.web.qualification;

import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.qualification.BantAnswer;
import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.NotSalesReadyException;
import io.leadline.core.user.Role;
import io.leadline.web.access.Roles;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.i18n.Times;
import io.leadline.web.leads.LeadPage;
import io.leadline.web.queue.LeadAssignment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sales rep's actions on the lead page. */
@Controller
class QualificationController {

    private final SalesActions actions;
    private final LeadAssignment assignment;
    private final LeadPage page;
    private final Clock clock;
    private final PageMessages messages;
    private final Times times;

    QualificationController(
            SalesActions actions,
            LeadAssignment assignment,
            LeadPage page,
            Clock clock,
            PageMessages messages,
            Times times) {
        this.messages = messages;
        this.times = times;
        this.actions = actions;
        this.assignment = assignment;
        this.page = page;
        this.clock = clock;
    }

    @PostMapping("/leads/{id}/bant")
    String bant(
            @PathVariable long id,
            BantForm form,
            BindingResult binding,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        Map<BantCriterion, String> errors = new EnumMap<>(BantCriterion.class);
        List<BantAnswer> answers = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (BantCriterion criterion : BantCriterion.values()) {
            String failed = BantForm.failed(binding, criterion);
            if (failed != null) {
                errors.put(
                        criterion,
                        failed.equals("Months")
                                ? messages.get("bant.months.invalid")
                                : messages.get("bant.status.choose"));
                continue;
            }
            BantForm.Part part = form.of(criterion);
            try {
                answers.add(
                        new BantAnswer(criterion, part.status(), part.evidence(), part.months(), user.getName(), now));
            } catch (IllegalArgumentException e) {
                errors.put(criterion, messages.refusal(e));
            }
        }
        if (!errors.isEmpty()) {
            // The criteria that read well are kept; only the marked ones wait for a correction.
            String saved = answers.isEmpty() ? "" : savedBesides(id, user, answers);
            model.addAttribute("bantErrors", errors);
            model.addAttribute("bantInput", BantForm.asTyped(binding));
            model.addAttribute(
                    "error",
                    saved.isEmpty() ? messages.get("bant.notSaved") : saved + " " + messages.get("bant.correct"));
            return page.show(id, model);
        }
        return act(id, redirect, () -> {
            actions.recordBant(id, actor(user), answers);
            return messages.get("bant.saved");
        });
    }

    @PostMapping("/leads/{id}/promote")
    String promote(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> messages.get(
                        "sales.promoted", actions.promote(id, actor(user)).displayName()));
    }

    @PostMapping("/leads/{id}/disqualify")
    String disqualify(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String note,
            Authentication user,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> messages.get(
                        "sales.disqualified",
                        actions.disqualify(id, actor(user), reason, note).displayName()));
    }

    @PostMapping("/leads/{id}/recycle")
    String recycle(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate revisitOn,
            @RequestParam(defaultValue = "") String note,
            Authentication user,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> messages.get(
                        "sales.recycled",
                        actions.recycle(id, actor(user), revisitOn, note).displayName(),
                        times.day(revisitOn)));
    }

    @PostMapping("/leads/{id}/outcome")
    String outcome(
            @PathVariable long id,
            @RequestParam(required = false) LifecycleStage outcome,
            @RequestParam(defaultValue = "") String note,
            Authentication user,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> messages.get(
                        "sales.recorded",
                        messages.get("stage."
                                + actions.recordOutcome(id, actor(user), outcome, note)
                                        .stage()
                                        .name())));
    }

    @PostMapping("/leads/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String rep,
            Authentication admin,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> messages.get(
                        "sales.assigned",
                        assignment.assignByAdmin(id, rep, admin.getName()).owner()));
    }

    /** Runs the action; its domain refusal becomes a message on the lead page (POST-redirect-GET). */
    private String act(long id, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id);
        } catch (LeadAlreadyClaimedException
                | IllegalStageChangeException
                | NotSalesReadyException
                | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", messages.refusal(e));
        }
        return "redirect:/leads/" + id;
    }

    /** Saves the answers that read well beside ones that did not; says which were saved (nothing when refused). */
    private String savedBesides(long id, Authentication user, List<BantAnswer> answers) {
        try {
            actions.recordBant(id, actor(user), answers);
        } catch (LeadAlreadyClaimedException
                | IllegalStageChangeException
                | NotSalesReadyException
                | IllegalArgumentException e) {
            return "";
        }
        return messages.get(
                "bant.savedSome",
                answers.stream()
                        .map(a -> messages.get("bant." + a.criterion().name()))
                        .collect(Collectors.joining(", ")));
    }

    private static SalesActions.Actor actor(Authentication user) {
        boolean admin = Roles.has(user, Role.ADMIN);
        return new SalesActions.Actor(user.getName(), admin);
    }
}
