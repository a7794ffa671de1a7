package io.leadline.web.account;

import io.leadline.core.user.Language;
import io.leadline.core.user.Preferences;
import io.leadline.core.user.UserAccess;
import io.leadline.web.i18n.PageMessages;
import io.leadline.web.i18n.UserLocales;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Any signed-in user chooses the language and time zone Leadline speaks to them in. */
@Controller
class PreferencesController {

    private static final String VIEW = "account/preferences";
    /** Region zones (America/Sao_Paulo) and UTC: the old aliases (Brazil/East, EST5EDT, Etc/GMT+3) are left out. */
    static final List<String> ZONES = Stream.concat(
                    Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(id -> id.matches(
                                    "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                            .sorted())
            .toList();

    private final UserAccess users;
    private final PageMessages messages;

    PreferencesController(UserAccess users, PageMessages messages) {
        this.users = users;
        this.messages = messages;
    }

    @InitBinder("preferences")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("language", "timeZone");
    }

    @ModelAttribute("languages")
    List<Language> languages() {
        return List.of(Language.values());
    }

    @ModelAttribute("zones")
    List<String> zones() {
        return ZONES;
    }

    @GetMapping("/account/preferences")
    String form(Principal user, Model model) {
        Preferences now =
                users.of(user.getName()).map(UserAccess.Access::preferences).orElse(Preferences.BROWSER);
        model.addAttribute("preferences", PreferencesForm.of(now));
        return VIEW;
    }

    @PostMapping("/account/preferences")
    String save(
            @ModelAttribute("preferences") PreferencesForm form,
            BindingResult binding,
            Principal user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!form.languageKnown()) {
            binding.rejectValue("language", "preferences.language.unknown");
        }
        if (!form.zoneKnown()) {
            binding.rejectValue("timeZone", "preferences.zone.unknown");
        }
        if (binding.hasErrors()) {
            return VIEW;
        }
        Preferences chosen = form.preferences();
        users.savePreferences(user.getName(), chosen);
        // The next page is in the new language: so is the message that says it is saved.
        Locale next = chosen.languageFor(UserLocales.browserLanguages(request)).locale();
        redirect.addFlashAttribute("message", messages.in(next, "preferences.saved"));
        return "redirect:/account/preferences";
    }
}
