package io.leadline.web.account;

import io.leadline.web.i18n.PageMessages;
import io.leadline.web.security.SessionStanding;
import io.leadline.web.security.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.NoSuchElementException;
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
    private final PageMessages messages;

    PasswordController(UserAccounts accounts, SessionStanding standing, PageMessages messages) {
        this.accounts = accounts;
        this.standing = standing;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form() {
        return VIEW;
    }

    @PostMapping("/account/password")
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            Principal user,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", Map.of("confirmPassword", messages.get("password.differ")));
            return VIEW;
        }
        try {
            accounts.changePassword(user.getName(), currentPassword, newPassword);
            standing.keep(request, user.getName());
        } catch (UserAccounts.PasswordChangeException e) {
            model.addAttribute("errors", Map.of(e.field(), messages.get(e.code(), e.arguments())));
            return VIEW;
        }
        redirect.addFlashAttribute("message", messages.get("password.changed"));
        return "redirect:/";
    }

    @PostMapping("/account/sessions/end")
    String endOtherSessions(Principal user, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            accounts.endSessions(user.getName(), user.getName());
        } catch (NoSuchElementException e) {
            return "redirect:/login?ended";
        }
        standing.keep(request, user.getName());
        redirect.addFlashAttribute("sessionsEnded", messages.get("password.sessions.ended"));
        return "redirect:/account/password";
    }
}
