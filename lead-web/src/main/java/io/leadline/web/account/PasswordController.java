package io.leadline.web.account;

import io.leadline.web.security.SessionStanding;
import io.leadline.web.security.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Any signed-in user changes their own password. */
@Controller
class PasswordController {

    private static final String VIEW = "account/password";

    private final UserAccounts accounts;
    private final SessionStanding standing;
    private final MessageSource messages;

    PasswordController(UserAccounts accounts, SessionStanding standing, MessageSource messages) {
        this.accounts = accounts;
        this.standing = standing;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form() {
        return VIEW;
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, Principal user, Model model,
                  HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", Map.of("confirmPassword", messages.getMessage("password.differ", null, locale)));
            return VIEW;
        }
        try {
            accounts.changePassword(user.getName(), currentPassword, newPassword);
            standing.keep(request, user.getName());
        } catch (UserAccounts.PasswordChangeException e) {
            model.addAttribute("errors", Map.of(e.field(), messages.getMessage(e.code(), e.arguments(), e.getMessage(), locale)));
            return VIEW;
        }
        redirect.addFlashAttribute("message", messages.getMessage("password.changed", null, locale));
        return "redirect:/";
    }

    @PostMapping("/account/sessions/end")
    String endOtherSessions(Principal user, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        try {
            accounts.endSessions(user.getName(), user.getName());
        } catch (NoSuchElementException e) {
            return "redirect:/login?ended";
        }
        standing.keep(request, user.getName());
        redirect.addFlashAttribute("sessionsEnded", messages.getMessage("password.sessions.ended", null, locale));
        return "redirect:/account/password";
    }
}
