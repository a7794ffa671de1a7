package io.leadline.web.capture;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.importing.CellText;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadSources;
import io.leadline.core.lead.Leads;
import io.leadline.web.i18n.PageMessages;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editing a lead's profile (with optimistic locking) and logging calls, meetings and notes. */
@Controller
class LeadEditController {

    private static final String FORM = "capture/edit-lead";
    /** What a person logs by hand; the model may give them points like any activity type. */
    static final List<String> MANUAL_TYPES = List.of("call", "email_sent", "meeting", "note");

    static final int MAX_ATTRIBUTE = 1000;

    private final Leads leads;
    private final LeadEditing editing;
    private final Clock clock;
    private final PageMessages messages;

    LeadEditController(Leads leads, LeadEditing editing, Clock clock, PageMessages messages) {
        this.leads = leads;
        this.editing = editing;
        this.clock = clock;
        this.messages = messages;
    }

    @InitBinder("lead")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields(
                "fullName", "email", "company", "jobTitle", "companySize", "country", "source", "attributes[*]");
    }

    @ModelAttribute("sources")
    List<String> sources() {
        return LeadSources.STANDARD;
    }

    @GetMapping("/leads/{id}/edit")
    String form(@PathVariable long id, Model model) {
        Lead lead = lead(id);
        model.addAttribute("lead", NewLeadForm.of(lead.profile()));
        model.addAttribute("leadId", id);
        model.addAttribute("version", lead.version());
        return FORM;
    }

    @PostMapping("/leads/{id}/edit")
    String save(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("lead") NewLeadForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("leadId", id);
        model.addAttribute("version", version);
        if ((form.getEmail() == null || form.getEmail().isBlank()) && lead(id).externalId() == null) {
            result.rejectValue(
                    "email",
                    "lead.email.requiredWithoutExternalId",
                    "Enter an email address: this lead has no external id to go by.");
        }
        Lead before = lead(id);
        // The form edits the lead's custom fields: a field it does not send stays, a blank one goes, no new ones come.
        var edited = new TreeMap<>(before.profile().attributes());
        form.getAttributes()
                .forEach((key, value) -> edited.computeIfPresent(key, (k, old) -> value == null ? "" : value));
        form.setAttributes(edited);
        form.getAttributes().forEach((key, value) -> {
            if (value != null && value.length() > MAX_ATTRIBUTE) {
                result.rejectValue(
                        "attributes[" + key + "]",
                        "lead.attribute.size",
                        new Object[] {MAX_ATTRIBUTE},
                        "Keep it under " + MAX_ATTRIBUTE + " characters.");
            } else if (CellText.invisibleTrouble(value)) {
                result.rejectValue(
                        "attributes[" + key + "]",
                        "lead.attribute.invisible",
                        "Remove the invisible or control characters.");
            }
        });
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            Lead saved = editing.edit(id, version, LeadCapture.profileOf(form));
            redirect.addFlashAttribute("message", messages.get("lead.edit.saved"));
            return "redirect:/leads/" + saved.id();
        } catch (DuplicateLeadException e) {
            result.rejectValue("email", e.code(), e.arguments(), e.getMessage());
            e.existingLead().ifPresent(existing -> model.addAttribute("duplicateOf", existing));
            return FORM;
        } catch (LeadEditing.EditConflictException e) {
            model.addAttribute("error", e.getMessage());
            return FORM;
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id);
        }
    }

    @PostMapping("/leads/{id}/activities")
    String log(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String detail,
            Principal user,
            RedirectAttributes redirect) {
        if (!MANUAL_TYPES.contains(type)) {
            redirect.addFlashAttribute("error", messages.get("lead.log.type.unknown"));
        } else if (detail.isBlank() || detail.length() > 2000) {
            redirect.addFlashAttribute("error", messages.get("lead.log.detail.size"));
        } else {
            lead(id);
            editing.logActivity(
                    id, new Activity(new ActivityType(type), Instant.now(clock), detail.strip()), user.getName());
            redirect.addFlashAttribute("message", messages.get("lead.log.saved", messages.get("lead.log." + type)));
        }
        return "redirect:/leads/" + id;
    }

    private Lead lead(long id) {
        return leads.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id));
    }
}
