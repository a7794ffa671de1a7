package io.leadline.web.home;

import io.leadline.core.user.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each user to where their work starts. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication user) {
        boolean marketer = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.MARKETER.name()));
        return marketer ? "redirect:/leads/new" : "redirect:/queue";
    }
}
