package io.leadline.web.webhook;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.webhook.WebhookEvent;
import io.leadline.core.webhook.Webhooks;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins register the CRM's webhook endpoints, read each one's delivery log and send a delivery again. */
@Controller
class WebhooksController {

    static final int LOG = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final WebhookDestinations destinations;
    private final Audit audit;
    private final Clock clock;

    private final PageMessages messages;

    WebhooksController(
            Webhooks webhooks, WebhookDestinations destinations, Audit audit, Clock clock, PageMessages messages) {
        this.messages = messages;
        this.webhooks = webhooks;
        this.destinations = destinations;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/settings/webhooks")
    String list(Model model) {
        if (!model.containsAttribute("webhookForm")) {
            model.addAttribute("webhookForm", new WebhookForm());
        }
        model.addAttribute("endpoints", webhooks.endpoints());
        model.addAttribute("events", WebhookEvent.values());
        return "webhook/webhooks";
    }

    @PostMapping("/settings/webhooks")
    String add(
            @Valid @ModelAttribute("webhookForm") WebhookForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("url")) {
            try {
                destinations.check(form.getUrl());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("url", "refused", e.getMessage());
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return list(model);
        }
        String secret = "whsec_" + HexFormat.of().formatHex(bytes(32));
        long id = webhooks.addEndpoint(
                form.getUrl().strip(), form.getEvents(), secret, admin.getName(), Instant.now(clock));
        audit.record(
                admin.getName(),
                AuditAction.SETTINGS_CHANGED,
                "webhook " + id,
                "added " + form.getUrl().strip() + " for "
                        + form.getEvents().stream()
                                .map(WebhookEvent::type)
                                .sorted()
                                .collect(Collectors.joining(", ")));
        redirect.addFlashAttribute("message", messages.get("webhooks.added"));
        return "redirect:/settings/webhooks/" + id;
    }

    @GetMapping("/settings/webhooks/{id}")
    String endpoint(@PathVariable long id, Model model) {
        model.addAttribute(
                "endpoint",
                webhooks.endpoint(id)
                        .orElseThrow(() ->
                                new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no webhook " + id + ".")));
        model.addAttribute("deliveries", webhooks.deliveries(id, LOG));
        return "webhook/endpoint";
    }

    @PostMapping("/settings/webhooks/{id}/enabled")
    String enabled(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean enabled,
            Principal admin,
            RedirectAttributes redirect) {
        webhooks.endpoint(id)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no webhook " + id + "."));
        webhooks.setEnabled(id, enabled, "turned off by " + admin.getName());
        audit.record(
                admin.getName(), AuditAction.SETTINGS_CHANGED, "webhook " + id, enabled ? "turned on" : "turned off");
        redirect.addFlashAttribute("message", messages.get(enabled ? "webhooks.turnedOn" : "webhooks.turnedOff"));
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/deliveries/{delivery}/again")
    String again(@PathVariable long id, @PathVariable long delivery, Principal admin, RedirectAttributes redirect) {
        boolean queued = webhooks.deliveries(id, LOG).stream().anyMatch(d -> d.id() == delivery)
                && webhooks.sendAgain(delivery, Instant.now(clock));
        if (queued) {
            audit.record(
                    admin.getName(),
                    AuditAction.SETTINGS_CHANGED,
                    "webhook " + id,
                    "delivery " + delivery + " sent again");
        }
        redirect.addFlashAttribute(
                queued ? "message" : "error",
                queued
                        ? "Delivery " + delivery + " will be sent again."
                        : "There is no such delivery of this endpoint.");
        return "redirect:/settings/webhooks/" + id;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
