package io.leadline.web.capture;

import io.leadline.core.duplicates.DuplicateCandidates;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadSources;
import io.leadline.web.i18n.PageMessages;
import jakarta.validation.groups.Default;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The marketer's "New lead" form. */
@Controller
@RequestMapping("/leads/new")
class CaptureController {

    private static final String FORM = "capture/new-lead";

    private final LeadCapture capture;
    private final DuplicateCandidates duplicates;
    private final PageMessages messages;

    CaptureController(LeadCapture capture, DuplicateCandidates duplicates, PageMessages messages) {
        this.capture = capture;
        this.duplicates = duplicates;
        this.messages = messages;
    }

    @InitBinder("lead")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("fullName", "email", "company", "jobTitle", "companySize", "country", "source");
    }

    @ModelAttribute("sources")
    List<String> sources() {
        return LeadSources.STANDARD;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("lead", new NewLeadForm());
        return FORM;
    }

    @PostMapping
    String create(
            @Validated({Default.class, NewLeadForm.New.class}) @ModelAttribute("lead") NewLeadForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        Lead lead;
        try {
            lead = capture.capture(LeadCapture.profileOf(form));
        } catch (DuplicateLeadException e) {
            result.rejectValue("email", e.code(), e.arguments(), e.getMessage());
            e.existingLead().ifPresent(id -> model.addAttribute("duplicateOf", id));
            return FORM;
        }
        int possible = duplicates.of(lead.id()).size();
        redirect.addFlashAttribute(
                "message",
                messages.get(
                        "capture.saved",
                        lead.displayName(),
                        messages.get("stage." + lead.stage().name()),
                        possible));
        return "redirect:/leads/" + lead.id();
    }
}
