package io.leadline.web.inbox;

import io.leadline.core.inbox.AlertMode;
import io.leadline.core.inbox.Alerts;
import io.leadline.core.inbox.InboxItem;
import io.leadline.core.user.Role;
import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user says where their alert mails go and how often. */
@Controller
class AlertsController {

    private final Alerts alerts;
    private final AlertMails mails;

    private final PageMessages messages;

    AlertsController(Alerts alerts, AlertMails mails, PageMessages messages) {
        this.messages = messages;
        this.alerts = alerts;
        this.mails = mails;
    }

    @GetMapping("/account/alerts")
    String page(Principal user, Model model, HttpServletRequest request) {
        if (!model.containsAttribute("alertForm")) {
            Alerts.Preference preference = alerts.preference(user.getName());
            AlertForm form = new AlertForm();
            form.setEmail(preference.email());
            form.setMode(preference.mode());
            form.setKinds(EnumSet.copyOf(preference.kinds()));
            model.addAttribute("alertForm", form);
        }
        model.addAttribute("modes", AlertMode.values());
        // Notices about settings go to admins only: a rep is not offered them.
        boolean admin = request.isUserInRole(Role.ADMIN.name());
        model.addAttribute(
                "kinds",
                Arrays.stream(InboxItem.Kind.values())
                        .filter(k -> admin || k.aboutLead())
                        .toList());
        model.addAttribute("mailOn", mails.on());
        return "inbox/alerts";
    }

    @PostMapping("/account/alerts")
    String save(
            @Valid @ModelAttribute("alertForm") AlertForm form,
            BindingResult errors,
            Principal user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.getMode() != AlertMode.OFF && form.getKinds().isEmpty()) {
            errors.rejectValue("kinds", "empty", "Tick at least one kind of notice, or choose no mail.");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(user, model, request);
        }
        alerts.save(user.getName(), new Alerts.Preference(form.getEmail(), form.getMode(), form.getKinds()));
        redirect.addFlashAttribute(
                "message",
                form.getEmail() == null || form.getMode() == AlertMode.OFF
                        ? messages.get("alerts.saved.inbox")
                        : messages.get("alerts.saved", form.getEmail()));
        return "redirect:/account/alerts";
    }
}
