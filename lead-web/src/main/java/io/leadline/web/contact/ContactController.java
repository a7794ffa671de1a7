package io.leadline.web.contact;

import io.leadline.core.contact.Consent;
import io.leadline.core.lead.Leads;
import io.leadline.web.i18n.PageMessages;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lead page's contact card: do not contact, and the consent the person gave a user. */
@Controller
class ContactController {

    private final ContactRules rules;
    private final Leads leads;

    private final PageMessages messages;

    ContactController(ContactRules rules, Leads leads, PageMessages messages) {
        this.messages = messages;
        this.rules = rules;
        this.leads = leads;
    }

    @PostMapping("/leads/{id}/contact")
    String change(
            @PathVariable long id,
            @RequestParam(required = false) Boolean doNotContact,
            @RequestParam(required = false) Consent consent,
            Principal user,
            RedirectAttributes redirect) {
        if (leads.byId(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id);
        }
        if (doNotContact != null) {
            rules.flag(id, doNotContact, user.getName());
            redirect.addFlashAttribute("message", messages.get(doNotContact ? "contact.flagged" : "contact.lifted"));
        } else if (consent != null) {
            rules.answered(id, consent, user.getName());
            redirect.addFlashAttribute(
                    "message", messages.get("contact.recorded", messages.get("contact.consent." + consent.name())));
        } else {
            redirect.addFlashAttribute("error", messages.get("contact.nothing"));
        }
        return "redirect:/leads/" + id;
    }
}
