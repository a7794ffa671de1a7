package io.leadline.web.settings;

import io.leadline.core.user.Role;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.i18n.PageMessages;
import java.security.Principal;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create and revoke API tokens on the settings page; a new token is shown once, after the redirect. */
@Controller
class ApiTokensController {

    private static final String BACK = "redirect:/settings#api-tokens";

    private final ApiTokenRegistry tokens;

    private final PageMessages messages;

    ApiTokensController(ApiTokenRegistry tokens, PageMessages messages) {
        this.messages = messages;
        this.tokens = tokens;
    }

    @PostMapping("/settings/api-tokens")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Role role,
            Principal admin,
            RedirectAttributes redirect) {
        try {
            var issued = tokens.issue(name, role, admin.getName());
            redirect.addFlashAttribute("newToken", issued);
            redirect.addFlashAttribute(
                    "message",
                    messages.get(
                            "tokens.created",
                            issued.name(),
                            messages.get("role.label." + issued.role().name())));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return BACK;
    }

    @PostMapping("/settings/api-tokens/{id}/revoke")
    String revoke(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        try {
            var token = tokens.revoke(id, admin.getName());
            redirect.addFlashAttribute("message", messages.get("tokens.revoked", token.name()));
        } catch (IllegalArgumentException | NoSuchElementException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return BACK;
    }
}
