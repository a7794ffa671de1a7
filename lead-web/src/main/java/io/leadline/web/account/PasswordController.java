package io.leadline.web.account;

import io.leadline.web.security.UserAccounts;
import java.security.Principal;
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

    PasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form() {
        return VIEW;
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, Principal user, Model model,
                  RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", java.util.Map.of("confirmPassword", "The two new passwords differ."));
            return VIEW;
        }
        try {
            accounts.changePassword(user.getName(), currentPassword, newPassword);
        } catch (UserAccounts.PasswordChangeException e) {
            model.addAttribute("errors", java.util.Map.of(e.field(), e.getMessage()));
            return VIEW;
        }
        redirect.addFlashAttribute("message", "Your password is changed.");
        return "redirect:/";
    }
}
