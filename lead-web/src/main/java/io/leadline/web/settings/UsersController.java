package io.leadline.web.settings;

import io.leadline.core.user.Role;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.security.SessionStanding;
import io.leadline.web.security.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins manage users on the settings page: create, role, capacity, deactivate, reset password, sign out, sign-in waits. */
@Controller
class UsersController {

    private final UserAccounts accounts;
    private final SessionStanding standing;

    private final PageMessages messages;

    UsersController(UserAccounts accounts, SessionStanding standing, PageMessages messages) {
        this.messages = messages;
        this.accounts = accounts;
        this.standing = standing;
    }

    @PostMapping("/settings/users")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "SALES") Role role,
            @RequestParam(defaultValue = "25") int capacity,
            Principal admin,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            accounts.create(username, password, role, capacity, admin.getName());
            return messages.get("users.created", username.strip(), messages.get("role.label." + role.name()));
        });
    }

    @PostMapping("/settings/users/{username}/role")
    String role(@PathVariable String username, @RequestParam Role role, Principal admin, RedirectAttributes redirect) {
        return act(redirect, () -> {
            accounts.changeRole(username, role, admin.getName());
            return messages.get("users.role", username, messages.get("role.label." + role.name()));
        });
    }

    @PostMapping("/settings/users/{username}/capacity")
    String capacity(
            @PathVariable String username, @RequestParam int capacity, Principal admin, RedirectAttributes redirect) {
        return act(redirect, () -> {
            accounts.setCapacity(username, capacity, admin.getName());
            return messages.get("users.capacity", username, capacity);
        });
    }

    @PostMapping("/settings/users/{username}/enabled")
    String enabled(
            @PathVariable String username,
            @RequestParam boolean enabled,
            Principal admin,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            accounts.setEnabled(username, enabled, admin.getName());
            return messages.get(enabled ? "users.enabled" : "users.disabled", username);
        });
    }

    @PostMapping("/settings/users/{username}/password")
    String resetPassword(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        return act(
                redirect,
                () -> messages.get("users.password", username, accounts.resetPassword(username, admin.getName())));
    }

    @PostMapping("/settings/users/{username}/sessions/end")
    String endSessions(
            @PathVariable String username, Principal admin, HttpServletRequest request, RedirectAttributes redirect) {
        return act(redirect, () -> {
            accounts.endSessions(username, admin.getName());
            if (username.equals(admin.getName())) {
                standing.keep(request, username);
                return messages.get("password.sessions.ended");
            }
            return messages.get("users.signedOut", username);
        });
    }

    @PostMapping("/settings/throttles/clear")
    String clearThrottle(@RequestParam String key, Principal admin, RedirectAttributes redirect) {
        return act(redirect, () -> {
            accounts.clearThrottle(key, admin.getName());
            return messages.get("users.cleared");
        });
    }

    private String act(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (NoSuchElementException e) {
            redirect.addFlashAttribute("error", messages.get("users.none"));
        }
        return "redirect:/settings";
    }
}
